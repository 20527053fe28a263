using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.People;

public sealed class ReachBackThemeModel(WithUsDbContext db, AuditLog audit, TimeProvider clock,
    SimilarContributions similar) : ReachBackPageModel(db, audit, clock, similar)
{
    public Task<IActionResult> OnGetAsync(Guid themeId, CancellationToken cancellationToken) => ShowAsync(themeId, cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(Guid themeId, CancellationToken cancellationToken) => CsvAsync(themeId, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid themeId, CancellationToken cancellationToken) => RecordAsync(themeId, cancellationToken);

    protected override async Task<ReachBackPeople?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var name = await ThemeNameAsync(id, cancellationToken);
        if (name is null)
        {
            return null;
        }

        Title = "Theme: " + name;
        BackLink = Url.Page("/Themes/Theme", new { org = Slug, themeId = id })!;
        PageUrl = Url.Page("/People/ReachBackTheme", new { org = Slug, themeId = id })!;
        return await List.ForThemeAsync(id, cancellationToken);
    }

    protected override (Guid? ContributionId, Guid? ThemeId, string EntityType) Target(Guid id) => (null, id, "Theme");
}
