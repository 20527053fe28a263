using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Themes;

public sealed class ThemeModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
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
        var inTheme = db.Contributions.Where(c => c.Themes.Any(ct => ct.ThemeId == themeId));
        ContributionCount = await inTheme.CountAsync(cancellationToken);
        Contributions = await inTheme.AsNoTracking()
            .OrderByDescending(c => c.SaidOnUtc)
            .ThenByDescending(c => c.Id)
            .Take(Shown)
            .Select(c => new Row(c.Id, c.Text, c.Kind, c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome, c.SaidOnUtc))
            .ToListAsync(cancellationToken);
        var rows = await BuildUp.ThemeRowsAsync(db, BuildUp.WindowStart(Organisation, clock), themeId, cancellationToken);
        RecentVoices = BuildUp.Distinct(rows);
        OverTime = BuildUp.OverTime(rows, Organisation, clock);
        return Page();
    }

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
