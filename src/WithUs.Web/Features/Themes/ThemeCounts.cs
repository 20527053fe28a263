namespace WithUs.Web.Features.Themes;

/// <summary>
/// Each theme's <see cref="Theme.ContributionCount"/> is kept by triggers on the theme links (migration ThemeCounts).
/// This recounts it from the links themselves, as that migration did when it added the count: for a database whose
/// links were written with the triggers off, or to check that they have kept it.
/// </summary>
public static class ThemeCounts
{
    /// <summary>Recounts every theme of every organisation (it is not filtered by organisation); the themes corrected.</summary>
    public static Task<int> RebuildAsync(WithUsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("""
            UPDATE "Themes" SET "ContributionCount" =
                (SELECT count(*) FROM "ContributionThemes" AS ct WHERE ct."ThemeId" = "Themes"."Id")
            WHERE "ContributionCount" <>
                (SELECT count(*) FROM "ContributionThemes" AS ct WHERE ct."ThemeId" = "Themes"."Id");
            """, cancellationToken);
}
