namespace WithUs.Web.Features.Themes;

/// <summary>
/// Each theme's <see cref="Theme.ContributionCount"/> is kept by triggers on the theme links (migration ThemeCounts).
/// This recounts it from the links themselves, as that migration did for every organisation when it added the count:
/// for links written with the triggers off (PostgreSQL's replica mode skips them), or to check that they have kept it.
/// </summary>
public static class ThemeCounts
{
    /// <summary>Recounts the current organisation's themes; how many were wrong.</summary>
    public static Task<int> RebuildAsync(WithUsDbContext db, CancellationToken cancellationToken) =>
        db.Themes
            .Where(t => t.ContributionCount != db.ContributionThemes.Count(ct => ct.ThemeId == t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ContributionCount, t => db.ContributionThemes.Count(ct => ct.ThemeId == t.Id)),
                cancellationToken);
}
