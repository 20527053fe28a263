namespace WithUs.Web.Features.Projects;

/// <summary>What the current organisation calls each phase: its own name, or the default.</summary>
public sealed class PhaseNaming(IReadOnlyDictionary<CoPhase, string> names)
{
    public string this[CoPhase phase] => names.TryGetValue(phase, out var name) ? name : phase.DefaultName();

    /// <summary>Whether the organisation gave this phase a name of its own.</summary>
    public bool IsRenamed(CoPhase phase) => names.ContainsKey(phase);

    public static async Task<PhaseNaming> ForAsync(WithUsDbContext db, CancellationToken cancellationToken) =>
        new(await db.Set<PhaseName>().AsNoTracking().ToDictionaryAsync(n => n.Phase, n => n.Name, cancellationToken));
}
