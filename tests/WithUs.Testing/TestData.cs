using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Members;
using WithUs.Web.Features.Organisations;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Testing;

public sealed record TestOrganisation(Guid Id, string Name, string Slug)
{
    public Organisation ToEntity() => new() { Id = Id, Name = Name, Slug = Slug };
}

public sealed record TestUser(Guid Id, string Email, string Password, string? AuthenticatorKey = null);

/// <summary>
/// Rows made directly through the app's own services, for the state a test starts from. They work on any app host
/// made from WithUs's Program: the page tests' WithUsFactory and the browser tests' Kestrel server alike.
/// </summary>
public static class TestData
{
    /// <summary>Long enough for staff, not a common password.</summary>
    public const string Password = "plum kettle orbit lantern 47";

    // PBKDF2 is slow on purpose: every test user with the same iteration count shares one hash of the same password.
    private static readonly ConcurrentDictionary<int, Lazy<string>> PasswordHashes = new();

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static async Task<T> InScopeAsync<T>(this WebApplicationFactory<Program> app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static async Task InScopeAsync(this WebApplicationFactory<Program> app, Func<IServiceProvider, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>A database context acting in one organisation, as a request under /o/{org}/ does.</summary>
    public static Task<T> InOrganisationAsync<T>(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        Func<WithUsDbContext, Task<T>> action) =>
        app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(organisation.ToEntity(), OrganisationRole.Administrator);
            return await action(services.GetRequiredService<WithUsDbContext>());
        });

    public static Task InOrganisationAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        Func<WithUsDbContext, Task> action) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            await action(db);
            return true;
        });

    public static Task<TestOrganisation> CreateOrganisationAsync(this WebApplicationFactory<Program> app, string? name = null) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var displayName = name ?? Unique("Organisation");
            var organisation = new Organisation
            {
                Id = Guid.CreateVersion7(),
                Name = displayName,
                Slug = Slugs.From(displayName),
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug);
        });

    /// <summary>An organisation that already exists, such as the one a browser journey set up.</summary>
    public static Task<TestOrganisation> FindOrganisationAsync(this WebApplicationFactory<Program> app, string slug) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new TestOrganisation(o.Id, o.Name, o.Slug))
            .SingleAsync());

    /// <summary>
    /// A person with the shared test password. Staff and administrators without two-factor authentication are sent
    /// to set it up after signing in; pass <paramref name="twoFactor"/> to give them an authenticator instead.
    /// </summary>
    public static Task<TestUser> CreateUserAsync(this WebApplicationFactory<Program> app, string? email = null,
        bool twoFactor = false, bool isOperator = false, string? displayName = null) =>
        app.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var address = email ?? Unique("person") + "@example.org";
            var user = new ApplicationUser
            {
                Id = Guid.CreateVersion7(),
                DisplayName = displayName ?? "Test " + address.Split('@')[0],
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                CreatedAtUtc = DateTime.UtcNow,
                PasswordHash = PasswordHashFor(services),
                IsOperator = isOperator,
            };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();

            string? key = null;
            if (twoFactor)
            {
                (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
                key = await users.GetAuthenticatorKeyAsync(user);
                (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
            }

            return new TestUser(user.Id, address, Password, key);
        });

    /// <summary>A pending invitation to join as staff, whose token nobody knows.</summary>
    public static Task<Guid> CreateInvitationAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        TestUser invitedBy) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var invitation = new Invitation
            {
                Id = Guid.CreateVersion7(),
                Email = "invited@example.org",
                NormalizedEmail = "INVITED@EXAMPLE.ORG",
                Role = OrganisationRole.Staff,
                TokenHash = Guid.CreateVersion7().ToString("N"),
                InvitedByUserId = invitedBy.Id,
                CreatedAtUtc = DateTime.UtcNow,
                ExpiresAtUtc = DateTime.UtcNow.AddDays(7),
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Id;
        });

    public static Task<Guid> AddMembershipAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        TestUser user, OrganisationRole role) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var membership = new Membership
            {
                Id = Guid.CreateVersion7(),
                UserId = user.Id,
                Role = role,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync();
            return membership.Id;
        });

    /// <summary>A new organisation with one new member in the given role.</summary>
    public static async Task<(TestOrganisation Organisation, TestUser User)> CreateMemberAsync(
        this WebApplicationFactory<Program> app, OrganisationRole role, bool twoFactor = false)
    {
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(twoFactor: twoFactor);
        await app.AddMembershipAsync(organisation, user, role);
        return (organisation, user);
    }

    /// <summary>Emails the app queued for an address, oldest first.</summary>
    public static Task<List<OutboxEmail>> EmailsToAsync(this WebApplicationFactory<Program> app, string to) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().OutboxEmails.AsNoTracking()
            .Where(e => e.To == to)
            .OrderBy(e => e.CreatedAtUtc)
            .ToListAsync());

    public static Task<List<AuditEntry>> AuditEntriesAsync(this WebApplicationFactory<Program> app, string action) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action)
            .OrderBy(e => e.AtUtc)
            .ToListAsync());

    /// <summary>The test password hashed as this app hashes passwords, so signing in never asks for a re-hash.</summary>
    private static string PasswordHashFor(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        return PasswordHashes.GetOrAdd(options.IterationCount, _ => new Lazy<string>(() =>
                new PasswordHasher<ApplicationUser>(Options.Create(options))
                    .HashPassword(new ApplicationUser { DisplayName = "test" }, Password)))
            .Value;
    }
}
