using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Organisations;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// Fills an empty demo database with five invented organisations, each modelled on one of the case studies in
/// "Critical Success Factors for Co-Production in VCSE Organisations" (2019). Every person is fictional, uses an
/// example.org address and has no password: in demo mode anyone can look around as them from /demo.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, WithUsDbContext db, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new("Harbour Lane Day Centre", "A day centre for people experiencing homelessness. Peer mentors who once used the centre now run the welcome desk and the Tuesday drop-in.",
        [
            new("Maya Okafor", "maya.okafor", OrganisationRole.Administrator),
            new("Tom Reilly", "tom.reilly", OrganisationRole.Staff),
            new("Dev Sharma", "dev.sharma", OrganisationRole.Partner),
            new("Jonno Price", "jonno.price", OrganisationRole.Partner),
            new("Kasia Nowak", "kasia.nowak", OrganisationRole.Partner),
            new("Sam Taylor", "sam.taylor", OrganisationRole.Partner),
        ]),
        new("Evergreen Social Club", "A social club for older people where members plan and host the events themselves, from the tea dance to the allotment trips.",
        [
            new("Ruth Adeyemi", "ruth.adeyemi", OrganisationRole.Administrator),
            new("Colin Marsh", "colin.marsh", OrganisationRole.Staff),
            new("Pat Whitworth", "pat.whitworth", OrganisationRole.Partner),
            new("Eileen Doherty", "eileen.doherty", OrganisationRole.Partner),
        ]),
        new("Brookside Community Network", "A community organisation in a diverse neighbourhood. Six years after women first asked for it, it started a women-only sports club with them.",
        [
            new("Samira Haddad", "samira.haddad", OrganisationRole.Administrator),
            new("Grace Mensah", "grace.mensah", OrganisationRole.Staff),
            new("Fatima Begum", "fatima.begum", OrganisationRole.Partner),
            new("Leila Karimi", "leila.karimi", OrganisationRole.Partner),
        ]),
        new("Open Arms Cancer Support", "A support programme for lesbian, gay, bisexual and trans people affected by cancer, shaped by the people who use it.",
        [
            new("Alex Moreno", "alex.moreno", OrganisationRole.Administrator),
            new("Priya Lal", "priya.lal", OrganisationRole.Staff),
            new("Jamie Clarke", "jamie.clarke", OrganisationRole.Partner),
            new("Robin Ellis", "robin.ellis", OrganisationRole.Partner),
        ]),
        new("Millbrook Homes", "A housing association whose resident panel sets the criteria for, scores and awards its community grants.",
        [
            new("Hannah Price", "hannah.price", OrganisationRole.Administrator),
            new("Marcus Bell", "marcus.bell", OrganisationRole.Staff),
            new("Doreen Walsh", "doreen.walsh", OrganisationRole.Partner),
            new("Kwame Asante", "kwame.asante", OrganisationRole.Partner),
            new("Lucy Tran", "lucy.tran", OrganisationRole.Partner),
            new("Sam Taylor", "sam.taylor", OrganisationRole.Staff),
        ]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return;
        }

        for (var i = 0; i < Organisations.Count; i++)
        {
            // One scope per organisation: a scope acts in exactly one organisation.
            using var scope = scopes.CreateScope();
            await SeedOrganisationAsync(scope.ServiceProvider, Organisations[i], DemoVoice.ForOrganisations[i],
                DemoSameIdea.ForOrganisations[i], cancellationToken);
        }

        logger.LogInformation("Demo database filled with {Count} invented organisations", Organisations.Count);
    }

    private async Task SeedOrganisationAsync(IServiceProvider services, DemoOrganisation demo, DemoVoice.Content voice,
        DemoSameIdea.SaidAgain[] saidAgain, CancellationToken cancellationToken)
    {
        var scopedDb = services.GetRequiredService<WithUsDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation
        {
            Id = Ids.New(),
            Name = demo.Name,
            Slug = Slugs.From(demo.Name),
            CreatedAtUtc = now,
        };
        scopedDb.Organisations.Add(organisation);
        await scopedDb.SaveChangesAsync(cancellationToken);
        services.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Administrator);
        People.InvolvementRoles.AddDefaults(scopedDb, now);

        var accounts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var person in demo.People)
        {
            // Sam Taylor belongs to two organisations, with a different role in each.
            var email = DemoPerson.EmailFor(person.Handle);
            var existing = await users.FindByEmailAsync(email);
            if (existing is not null)
            {
                accounts[person.Name] = existing.Id;
                scopedDb.Memberships.Add(Membership.For(existing.Id, person.Role, now));
                continue;
            }

            var user = new ApplicationUser
            {
                Id = Ids.New(),
                DisplayName = person.Name,
                Email = email,
                UserName = email,
                EmailConfirmed = true,
                CreatedAtUtc = now,
                IsDemo = true,
            };
            accounts[person.Name] = user.Id;
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not create demo person: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            scopedDb.Memberships.Add(Membership.For(user.Id, person.Role, now));
        }

        await scopedDb.SaveChangesAsync(cancellationToken);

        // What people said: partners' own words are linked to their accounts, so "My voice" shows them.
        var recorder = demo.People.First(p => p.Role >= OrganisationRole.Staff).Name;
        var partners = demo.People.Where(p => p.Role == OrganisationRole.Partner).ToDictionary(p => p.Name, p => accounts[p.Name]);
        var people = await DemoVoice.SeedAsync(scopedDb, voice, accounts[recorder], partners, now,
            OrganisationClock.For(organisation, clock).StoredToday, cancellationToken);
        await DemoPeopleData.SeedAsync(services, Organisations.ToList().IndexOf(demo), people, accounts[recorder], now,
            OrganisationClock.For(organisation, clock).StoredToday, cancellationToken);
        await DemoSameIdea.SeedAsync(services, saidAgain, voice.People, accounts[recorder],
            OrganisationClock.For(organisation, clock).StoredToday, cancellationToken);
        await DemoProjects.SeedAsync(scopedDb, Organisations.ToList().IndexOf(demo), people, accounts[recorder], now,
            OrganisationClock.For(organisation, clock).StoredToday, cancellationToken);
        await DemoDecisions.SeedAsync(scopedDb, Organisations.ToList().IndexOf(demo), accounts[recorder], now,
            OrganisationClock.For(organisation, clock).StoredToday, cancellationToken);
        await DemoActions.SeedAsync(scopedDb, Organisations.ToList().IndexOf(demo), accounts[recorder], now,
            OrganisationClock.For(organisation, clock).StoredToday, cancellationToken);
    }
}

public sealed record DemoOrganisation(string Name, string Description, IReadOnlyList<DemoPerson> People);

public sealed record DemoPerson(string Name, string Handle, OrganisationRole Role)
{
    public static string EmailFor(string handle) => $"{handle}@demo.example.org";
}
