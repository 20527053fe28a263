using WithUs.Web.Features.Voice;
using VoiceIndexModel = WithUs.Web.Features.Voice.IndexModel;

namespace WithUs.Web.Features.Themes;

public sealed class ThemeModel(WithUsDbContext db, OrganisationClock clock, BuildUpCounts buildUp) : OrganisationPageModel
{
    public const int Shown = 100;

    public int WindowDays => Organisation.BuildUpWindowDays;

    public Theme Theme { get; private set; } = null!;

    public int ContributionCount { get; private set; }

    public IReadOnlyList<Row> Contributions { get; private set; } = [];

    public int RecentVoices { get; private set; }

    public IReadOnlyList<VoicePeriod> OverTime { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var theme = RouteResource<Theme>();

        Theme = theme;
        ContributionCount = theme.ContributionCount;
        var newest = ContributionCount <= VoiceIndexModel.CountLimit
            ? await NewestOfFewAsync(themeId, cancellationToken)
            : await NewestOfManyAsync(themeId, cancellationToken);
        // A "me too" shows its idea's outcome: those ideas by id, not joined to every row (which SQLite reads whole).
        var ideaIds = newest.Where(c => c.LinkedToId is not null).Select(c => c.LinkedToId!.Value).Distinct().ToList();
        var outcomes = ideaIds.Count == 0
            ? []
            : await db.Contributions.Where(c => ideaIds.Contains(c.Id)).Select(c => new { c.Id, c.Outcome })
                .ToDictionaryAsync(c => c.Id, c => c.Outcome, cancellationToken);
        Contributions = newest.Select(c => new Row(c.Id, c.Text, c.Kind,
            c.LinkedToId is { } idea && outcomes.TryGetValue(idea, out var outcome) ? outcome : c.Outcome, c.SaidOnUtc)).ToList();
        var window = (await buildUp.GetAsync(db, Organisation, clock, cancellationToken)).Theme(themeId);
        RecentVoices = window.Voices;
        OverTime = window.OverTime;
        return Page();
    }

    /// <summary>
    /// A theme of few: from its own links (the ThemeId index), then those contributions by id, newest picked here:
    /// asked of every contribution ("has this theme?"), or joined and sorted in SQL, SQLite walks the whole
    /// organisation's date index (issue 9).
    /// </summary>
    private async Task<List<Newest>> NewestOfFewAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var themed = await db.ContributionThemes.Where(ct => ct.ThemeId == themeId).Select(ct => ct.ContributionId).ToListAsync(cancellationToken);
        // Kind is read only so that SQLite looks the rows up by id: with the id and date alone, the list's date index
        // covers the query and SQLite scans all of it instead.
        var newestIds = (await db.Contributions.Where(c => themed.Contains(c.Id)).Select(c => new { c.Id, c.SaidOnUtc, c.CreatedAtUtc, c.Kind }).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).Take(Shown).Select(c => c.Id).ToList();
        return (await db.Contributions.AsNoTracking().Where(c => newestIds.Contains(c.Id))
                .Select(c => new Newest(c.Id, c.Text, c.Kind, c.Outcome, c.LinkedToId, c.SaidOnUtc, c.CreatedAtUtc))
                .ToListAsync(cancellationToken))
            .OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).ToList();
    }

    /// <summary>
    /// A theme of many (tens of thousands at a region's size): the organisation's list walked newest first, each row
    /// looked up in the theme, stopping at the page; reading all of its links to pick the newest cost what the theme
    /// holds.
    /// </summary>
    private Task<List<Newest>> NewestOfManyAsync(Guid themeId, CancellationToken cancellationToken) =>
        db.Contributions.AsNoTracking()
            .Where(c => c.Themes.Any(t => t.ThemeId == themeId))
            .OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Take(Shown)
            .Select(c => new Newest(c.Id, c.Text, c.Kind, c.Outcome, c.LinkedToId, c.SaidOnUtc, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);

    private sealed record Newest(Guid Id, string Text, ContributionKind Kind, OutcomeStatus Outcome, Guid? LinkedToId,
        DateTime SaidOnUtc, DateTime CreatedAtUtc);

    public Task<IActionResult> OnPostArchiveAsync(Guid themeId, CancellationToken cancellationToken) =>
        SetArchivedAsync(themeId, true, cancellationToken);

    public Task<IActionResult> OnPostUnarchiveAsync(Guid themeId, CancellationToken cancellationToken) =>
        SetArchivedAsync(themeId, false, cancellationToken);

    private async Task<IActionResult> SetArchivedAsync(Guid themeId, bool archived, CancellationToken cancellationToken)
    {
        var theme = RouteResource<Theme>();

        theme.IsArchived = archived;
        await db.SaveChangesAsync(cancellationToken);
        Notice = archived
            ? $"\"{theme.Name}\" is archived. Its contributions keep it, but it is no longer offered."
            : $"\"{theme.Name}\" is back in use.";
        return RedirectToPage("/Themes/Theme", new { org = Slug, themeId });
    }

    public sealed record Row(Guid Id, string Text, ContributionKind Kind, OutcomeStatus Outcome, DateTime SaidOnUtc);
}
