using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Outcomes;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Bench.Region;

/// <summary>
/// generate: migrates an empty database with the app's own DbContext, then loads a region into it in bulk and writes
/// what bench/run.sh needs to know (the largest organisation's slug, a staff account, ids to visit) to a facts file.
/// </summary>
public static class Generate
{
    public const string StaffEmail = "bench-staff@bench.invalid";
    public const string StaffPassword = "a bench walk round the region";

    /// <summary>Rows are written when a batch of organisations reaches this many contributions.</summary>
    private const int BatchContributions = 50_000;

    public static async Task<int> RunAsync(GenerateOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = options.Provider.ToString();
        builder.Configuration["Database:ConnectionString"] = options.ConnectionString;
        builder.Configuration["Email:PublicBaseUrl"] = "https://bench.invalid";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        // EF logs its first look for the migrations table as an error on a new database; nothing is wrong.
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None";
        builder.Configuration["Similarity:Embeddings"] = options.Vectors ? "true" : "false";
        builder.AddWithUs();
        await using var app = builder.Build();

        var total = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WithUsDbContext>().Database.MigrateAsync();
        }

        var sizes = RegionShape.Sizes(options.Organisations, options.Contributions, options.Largest);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {sizes.Count:N0} organisations, {sizes.Sum():N0} contributions (largest {sizes[0]:N0}, next {(sizes.Count > 1 ? sizes[1] : 0):N0}, smallest {sizes[^1]:N0}) on {options.Provider}, vectors {(options.Vectors ? "on" : "off")}"));

        Facts? facts = null;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var writeTime = new Stopwatch();
        var embedTime = new Stopwatch();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
            var model = scope.ServiceProvider.GetRequiredService<SentenceModel>();
            var vectors = new VectorBank(model, options.EmbeddedTexts);
            await using var writer = await BulkWriter.OpenAsync(db);
            await writer.DropIndexesAsync(typeof(Contribution), typeof(ContributionTerm), typeof(ContributionTheme),
                typeof(ContributionVector), typeof(Person), typeof(Interest));
            var rows = new RegionRows();
            for (var i = 0; i < sizes.Count; i++)
            {
                var organisation = NewOrganisation(i, now);
                new OrganisationData(seed: 20261128 + i, now).Add(rows, organisation, sizes[i], largest: i == 0);
                if (i == 0)
                {
                    facts = Facts.Of(rows, organisation);
                }

                if (rows.Contributions.Count >= BatchContributions || i == sizes.Count - 1)
                {
                    if (options.Vectors)
                    {
                        embedTime.Start();
                        vectors.Add(rows);
                        embedTime.Stop();
                    }

                    writeTime.Start();
                    await WriteAsync(writer, rows, counts);
                    writeTime.Stop();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {i + 1:N0} organisations, {counts["Contributions"]:N0} contributions, {counts.Values.Sum():N0} rows at {total.Elapsed.TotalSeconds:N0} s"));
                    rows = new RegionRows();
                }
            }

            var indexes = Stopwatch.StartNew();
            await writer.FillTriggeredColumnsAsync();
            await writer.RestoreIndexesAsync();
            await writer.FinishAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  indexes made again in {indexes.Elapsed.TotalSeconds:N1} s"));
        }

        facts = facts! with { Contributions = sizes[0] };
        await CreateStaffAsync(app, facts);
        await CheckAsync(app, facts);
        await File.WriteAllTextAsync(options.FactsFile, facts.ToText());

        var rowsWritten = counts.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {rowsWritten:N0} rows in {total.Elapsed.TotalSeconds:N1} s: {rowsWritten / total.Elapsed.TotalSeconds:N0} rows/s overall, {counts["Contributions"] / total.Elapsed.TotalSeconds:N0} contributions/s; writing alone {rowsWritten / writeTime.Elapsed.TotalSeconds:N0} rows/s; embedding {embedTime.Elapsed.TotalSeconds:N1} s"));
        Console.WriteLine("  " + string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}"))));
        return 0;
    }

    private static async Task WriteAsync(BulkWriter writer, RegionRows rows, Dictionary<string, long> counts)
    {
        async Task Table<T>(string name, List<T> list)
            where T : class => counts[name] = counts.GetValueOrDefault(name) + await writer.WriteAsync(list);

        await Table("Organisations", rows.Organisations);
        await Table("People", rows.People);
        await Table("Consents", rows.Consents);
        await Table("Themes", rows.Themes);
        await Table("Users", rows.Users);
        await Table("Memberships", rows.Memberships);
        await Table("Projects", rows.Projects);
        await Table("ProjectPhases", rows.ProjectPhases);
        await Table("Contributions", rows.Contributions);
        await Table("ContributionThemes", rows.ContributionThemes);
        await Table("Interests", rows.Interests);
        await Table("ContributionTerms", rows.Terms);
        await Table("ContributionVectors", rows.Vectors);
        await Table("ProjectBoundaries", rows.Boundaries);
        await Table("ProjectMembers", rows.ProjectMembers);
        await Table("GroundRules", rows.GroundRules);
        await Table("GroundRulesAgreed", rows.GroundRulesAgreed);
        await Table("ProjectMeetings", rows.Meetings);
        await Table("MeetingInvitees", rows.MeetingInvitees);
        await Table("MeetingExpenses", rows.MeetingExpenses);
        await Table("ProjectDecisions", rows.Decisions);
        await Table("DecisionPresent", rows.DecisionPresent);
    }

    private static readonly string[] Places =
    [
        "Riverside", "Northgate", "Eastfield", "Millbrook", "St Anne's", "Hillcrest", "Old Town", "Westbury", "Canal Side",
        "Parkview", "Brookhouse", "Ashworth", "Kingsway", "Moorside", "Harbour",
    ];

    private static readonly string[] Kinds =
    [
        "Community Centre", "Day Centre", "Drop-in", "Cancer Support", "Lunch Club", "Night Shelter", "Carers' Group",
        "Wellbeing Hub", "Tenants' Association", "Food Bank",
    ];

    private static Organisation NewOrganisation(int index, DateTime now)
    {
        var name = index == 0
            ? "Northgate Community Hub"
            : $"{Places[index % Places.Length]} {Kinds[index / Places.Length % Kinds.Length]} {index + 1}";
        return new Organisation
        {
            Id = Ids.New(),
            Name = name,
            Slug = index == 0 ? "region-largest" : string.Create(CultureInfo.InvariantCulture, $"region-{index + 1:0000}"),
            CreatedAtUtc = now.AddDays(-5 * 366),
            // Current, so the app's re-index job leaves the generated index alone.
            TermIndexVersion = TextAnalyser.Version,
        };
    }

    /// <summary>A staff member of the largest organisation, with the second step set up as staff must have it.</summary>
    private static async Task CreateStaffAsync(WebApplication app, Facts facts)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == facts.Slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Administrator);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var user = new ApplicationUser { Id = Ids.New(), UserName = StaffEmail, Email = StaffEmail, DisplayName = "Bench Staff", CreatedAtUtc = now };
        Check(await users.CreateAsync(user, StaffPassword));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        facts.AuthenticatorKey = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        db.Memberships.Add(Membership.For(user.Id, OrganisationRole.Staff, now));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Reads the generated rows back through EF, so a value stored in a form EF does not read fails here.</summary>
    private static async Task CheckAsync(WebApplication app, Facts facts)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == facts.Slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
        var count = await db.Contributions.CountAsync();
        var idea = await db.Contributions.AsNoTracking().Include(c => c.Themes).ThenInclude(t => t.Theme).Include(c => c.Person)
            .SingleAsync(c => c.Id == facts.ContributionId);
        var voices = await db.Contributions.CountAsync(c => c.LinkedToId == idea.Id);
        var terms = await db.ContributionTerms.CountAsync(t => t.ContributionId == idea.Id);
        var drift = await IdeaOutcomes.DriftAsync(db)
            + await db.Themes.CountAsync(t => t.ContributionCount != db.ContributionThemes.Count(ct => ct.ThemeId == t.Id));
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.ProjectId == facts.ProjectId).ToListAsync();
        var team = await db.Set<ProjectMember>().CountAsync(m => m.ProjectId == facts.ProjectId);
        var meetings = await db.Set<Meeting>().CountAsync(m => m.ProjectId == facts.ProjectId);
        var atTheMeeting = await db.Set<MeetingInvitee>().CountAsync(i => i.MeetingId == facts.MeetingId && i.Attended == true);
        var projects = await db.Set<WithUs.Web.Features.Projects.Project>().CountAsync();
        if (count != facts.Contributions || voices == 0 || (idea.TermCount > 0 && terms == 0) || drift != 0 || decisions.Count == 0 || atTheMeeting == 0)
        {
            throw new InvalidOperationException(
                $"Read back {count} contributions (expected {facts.Contributions}), {voices} voices, {terms} terms, {drift} rows whose kept outcome or count is not a recount, {decisions.Count} decisions in the project to visit, {atTheMeeting} who came to its meeting.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checked through EF: {count:N0} contributions in {organisation.Name}; the idea to visit has {voices:N0} voices and {idea.Themes.Count} themes; {projects} projects, the one to visit with {team} in its team (past and present), {meetings} meetings, {decisions.Count} decisions ({string.Join(", ", decisions.GroupBy(d => d.Level).OrderByDescending(g => g.Key).Select(g => $"{g.Key.Words().ToLowerInvariant()} {g.Count()}"))}), {atTheMeeting} came to the meeting to visit"));
    }
}

public sealed record GenerateOptions(
    DatabaseProvider Provider, string ConnectionString, int Organisations, int Contributions, int Largest, bool Vectors,
    int EmbeddedTexts, string FactsFile);
