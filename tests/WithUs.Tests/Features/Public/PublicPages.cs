using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Public;
using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Public;

/// <summary>An organisation for the cost tests, its staff signed in, and the key of an outcome near the end of "You said, we did".</summary>
public sealed record PublicHistory(SignedIn Staff, PublicIdeaKey NearTheEnd)
{
    public string Slug => Staff.Organisation.Slug;
}

/// <summary>Filling in the public forms as a person would, and the published ideas staff would have made.</summary>
public static class PublicPages
{
    /// <summary>Longer than any form's minimum time: a person reading and typing.</summary>
    public static readonly TimeSpan ThinkingTime = TimeSpan.FromSeconds(20);

    /// <summary>The public "say" form of <paramref name="organisation"/>.</summary>
    public static string Say(TestOrganisation organisation) => $"/p/{organisation.Slug}/say";

    /// <summary>A published idea's public page, where "me too" is sent.</summary>
    public static string Idea(TestOrganisation organisation, Guid id) => $"/p/{organisation.Slug}/ideas/{id}";

    /// <summary>An idea staff published, with words for the public written over the person's own.</summary>
    public static Task<Contribution> CreatePublishedIdeaAsync(this WithUsFactory app, TestOrganisation organisation,
        string text, string summary, OutcomeStatus outcome = OutcomeStatus.New, Action<Contribution>? configure = null) =>
        app.CreateContributionAsync(organisation, text, c =>
        {
            c.IsPublished = true;
            c.PublicSummary = summary;
            c.PublishedAtUtc = DateTime.UtcNow;
            c.Outcome = outcome;
            c.OutcomeAtUtc = outcome == OutcomeStatus.New ? null : DateTime.UtcNow;
            configure?.Invoke(c);
        });

    /// <summary>The newest part of an organisation's history, the same in both sizes: every second one a published idea.</summary>
    private const int Recent = 100;

    private const int SmallHistory = 40;

    private const int LargeHistory = 2_000;

    private static readonly ConcurrentDictionary<WithUsFactory, Task<(PublicHistory Small, PublicHistory Large)>> Histories = new();

    /// <summary>
    /// Two organisations with the same recent <see cref="Recent"/> contributions (each in a theme, every second one a
    /// published idea, its outcome in turn New, Being considered, Planned, Done, Not possible: the pages show only
    /// these) and an older history of <see cref="SmallHistory"/> or <see cref="LargeHistory"/> (every second one
    /// published, done or never decided, as old ideas are), for tests that compare a public page's cost at two sizes.
    /// Made once per app, for every test that asks.
    /// </summary>
    public static Task<(PublicHistory Small, PublicHistory Large)> PublicHistoriesAsync(this WithUsFactory app) =>
        Histories.GetOrAdd(app, async _ => (await app.CreatePublicHistoryAsync(SmallHistory), await app.CreatePublicHistoryAsync(LargeHistory)));

    private static async Task<PublicHistory> CreatePublicHistoryAsync(this WithUsFactory app, int history)
    {
        var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var themes = new List<Guid>();
        for (var t = 0; t < 5; t++)
        {
            themes.Add((await app.CreateThemeAsync(organisation)).Id);
        }

        OutcomeStatus[] recent = [OutcomeStatus.New, OutcomeStatus.BeingConsidered, OutcomeStatus.Planned, OutcomeStatus.Done, OutcomeStatus.NotPossible];
        OutcomeStatus[] old = [OutcomeStatus.Done, OutcomeStatus.New];
        var today = DateTime.UtcNow.Date;
        var made = await app.CreateContributionsAsync(organisation, Recent + history, i => $"Something said, number {i}", (i, c) =>
        {
            // Two or three said on each day, so that pages end between ideas of the same date.
            c.SaidOnUtc = i < Recent ? today.AddDays(-i / 2) : today.AddDays(-Recent - ((i - Recent) / 3));
            c.PublishedAtUtc = c.SaidOnUtc.AddDays(1);
            c.IsPublished = i % 2 == 0;
            c.PublicSummary = $"Published idea {i}";
            c.Outcome = i < Recent ? recent[i / 2 % recent.Length] : old[i / 2 % old.Length];
            c.OutcomeAtUtc = c.Outcome == OutcomeStatus.New ? null : c.SaidOnUtc.AddDays(2);
            c.Themes.Add(new ContributionTheme { Id = Guid.CreateVersion7(), OrganisationId = organisation.Id, ThemeId = themes[i % themes.Count] });
        });
        var withOutcome = made.Where(c => c.IsPublished && c.Outcome != OutcomeStatus.New)
            .Select(c => new PublicIdeaKey(c.OutcomeAtUtc ?? c.PublishedAtUtc!.Value, c.Id))
            .OrderBy(k => k.Date).ThenBy(k => k.Id)
            .ToList();
        return new PublicHistory(staff, withOutcome[15]);
    }

    /// <summary>A public page's read cost at two sizes of history may differ by little: what it shows is the same.</summary>
    public static async Task ShouldCostAboutTheSameAtBothSizesAsync(this WithUsFactory app, Func<PublicHistory, string> page)
    {
        var (small, large) = await app.PublicHistoriesAsync();

        // Signed in, so that neither comes from the output cache.
        var smallCost = await ReadCost.OfAsync(app, async () => (await small.Staff.Client.GetAsync(page(small))).EnsureSuccessStatusCode());
        var largeCost = await ReadCost.OfAsync(app, async () => (await large.Staff.Client.GetAsync(page(large))).EnsureSuccessStatusCode());

        // A little slack in each database's unit: ten progress steps on SQLite, a few rows on PostgreSQL.
        var slack = app.Provider == DatabaseProvider.Sqlite ? 10 * ReadCost.SqliteStep : 20;
        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + slack,
            $"history of {SmallHistory}: {smallCost}\nhistory of {LargeHistory}: {largeCost}");
    }

    /// <summary>Forgets the organisation's cached public pages, so that the next request makes them again.</summary>
    public static Task EvictPublicPagesAsync(this WithUsFactory app, TestOrganisation organisation) =>
        app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicOutputCachePolicy.Tag(organisation.Id), default).AsTask();

    public static Task SetPublicPagesOpenAsync(this WithUsFactory app, TestOrganisation organisation, bool open) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var row = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            row.PublicPagesOpen = open;
            await db.SaveChangesAsync();
        });

    public static Task<List<Contribution>> ContributionsAsync(this WithUsFactory app, TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.Contributions.AsNoTracking().OrderBy(c => c.CreatedAtUtc).ToListAsync());

    public static Task<List<Person>> PeopleAsync(this WithUsFactory app, TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.People.AsNoTracking().ToListAsync());

    /// <summary>Everything a valid "say" form needs, with <paramref name="overrides"/> typed over it.</summary>
    public static Dictionary<string, string> SayValues(string text, IReadOnlyDictionary<string, string>? overrides = null) =>
        With(new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.Kind"] = nameof(ContributionKind.Idea),
            ["Input.Consent"] = "true",
            ["Input.Contact.WantsToHear"] = "false",
        }, overrides);

    /// <summary>A "me too" with no contact details: no consent is asked, so none is ticked.</summary>
    public static Dictionary<string, string> MeTooValues(string? text = null, IReadOnlyDictionary<string, string>? overrides = null) =>
        With(new Dictionary<string, string>
        {
            ["Input.Text"] = text ?? "",
            ["Input.Contact.WantsToHear"] = "false",
        }, overrides);

    private static Dictionary<string, string> With(Dictionary<string, string> values, IReadOnlyDictionary<string, string>? overrides)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>The form was refused (400) and what was typed came back as text: the script shows, escaped, and never runs.</summary>
    public static async Task ShouldShowTheScriptAsTextAsync(this HttpResponseMessage response, string escaped)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldContain(escaped);
    }

    /// <summary>Opens a public form, takes <paramref name="thinking"/> over it (on the test's clock), and sends it.</summary>
    public static async Task<HttpResponseMessage> FillInAsync(this HttpClient client, ClockedWithUsFactory app, string url,
        IReadOnlyDictionary<string, string> values, TimeSpan? thinking = null)
    {
        var page = await client.GetPageAsync(url);
        app.Clock.Advance(thinking ?? ThinkingTime);
        return await client.SubmitAsync(page, url, values);
    }

    public static async Task<string> BodyAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await response.Content.ReadAsStringAsync();
    }
}
