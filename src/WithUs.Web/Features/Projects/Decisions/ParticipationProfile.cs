namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// A project's participation profile: how many of its decisions sit on each rung of the ladder, so tokenism shows
/// rather than hides. The model of <c>_ParticipationProfile.cshtml</c>; read in one query however many decisions
/// there are. <paramref name="Org"/> and <paramref name="ProjectId"/> are for its links; with no
/// <paramref name="Org"/> (a project's public page) it links to nothing of the organisation's own pages.
/// </summary>
public sealed record ParticipationProfile(string? Org, Guid ProjectId, IReadOnlyDictionary<ParticipationLevel, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public int Count(ParticipationLevel level) => Counts.GetValueOrDefault(level);

    /// <summary>How many were co-designed or co-produced: partners shared the decision itself.</summary>
    public int Shared => Counts.Where(c => c.Key.IsShared()).Sum(c => c.Value);

    /// <summary>"3 of 7 decisions were co-designed or co-produced."</summary>
    public string Summary => Total == 0
        ? "No decisions are recorded yet."
        : $"{Shared} of {Total} {(Total == 1 ? "decision was" : "decisions were")} co-designed or co-produced.";

    /// <summary>The share of the project's decisions at a level, as a percentage for a bar (0 when there are none).</summary>
    public double Share(ParticipationLevel level) => Total == 0 ? 0 : Math.Round(100.0 * Count(level) / Total, 1);

    public static async Task<ParticipationProfile> ForProjectAsync(WithUsDbContext db, string? org, Guid projectId, CancellationToken cancellationToken)
    {
        var counts = await db.Set<Decision>().AsNoTracking().Where(d => d.ProjectId == projectId)
            .GroupBy(d => d.Level).Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Level, c => c.Count, cancellationToken);
        return new ParticipationProfile(org, projectId, counts);
    }
}
