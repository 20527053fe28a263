using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Writes an idea's outcome history (<see cref="ContributionOutcome"/>) in the same save as any change to its outcome,
/// its reason, its explanation or the project it is part of, whichever page or feature made it, so the history cannot
/// miss one. A new idea gets a first entry only when it arrives with an outcome other than "new". An import's new rows
/// are written with <see cref="BulkInsert"/>, around this interceptor, so the bulk writer adds their first entries
/// itself with <see cref="Of"/> (ADR 0013).
/// </summary>
public sealed class OutcomeHistory(TimeProvider clock, ICurrentActor actor) : SaveChangesInterceptor, IFeatureSaveChangesInterceptor
{
    private static readonly string[] Tracked =
    [
        nameof(Contribution.Outcome), nameof(Contribution.NotPossibleReason), nameof(Contribution.OutcomeExplanation),
        nameof(Contribution.ProjectId),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var entries = context.ChangeTracker.Entries<Contribution>()
            .Where(e => e.Entity.LinkedToId == null && e.State switch
            {
                EntityState.Added => e.Entity.Outcome != OutcomeStatus.New,
                EntityState.Modified => Tracked.Any(name => e.Property(name) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue)),
                _ => false,
            })
            .ToList();
        foreach (var entry in entries)
        {
            var idea = entry.Entity;

            // When the outcome was decided, if this save says (an import, or a record of the past); else now.
            var decidedNow = entry.State == EntityState.Added || entry.Property(nameof(Contribution.OutcomeAtUtc)).IsModified;
            var at = decidedNow && idea.OutcomeAtUtc is { } decided ? decided : clock.GetUtcNow().UtcDateTime;
            context.Add(Of(idea, at, actor.UserId));
        }
    }

    /// <summary>The history entry for the outcome an idea has now.</summary>
    public static ContributionOutcome Of(Contribution idea, DateTime atUtc, Guid? byUserId) => new()
    {
        Id = Ids.New(),
        OrganisationId = idea.OrganisationId,
        ContributionId = idea.Id,
        Outcome = idea.Outcome,
        NotPossibleReason = idea.NotPossibleReason,
        Explanation = idea.OutcomeExplanation,
        ProjectId = idea.Outcome == OutcomeStatus.PartOfProject ? idea.ProjectId : null,
        AtUtc = atUtc,
        ByUserId = byUserId,
    };

    /// <summary>An idea's outcomes, oldest first.</summary>
    public static Task<List<ContributionOutcome>> ForAsync(WithUsDbContext db, Guid ideaId, CancellationToken cancellationToken) =>
        db.Set<ContributionOutcome>().AsNoTracking().Where(o => o.ContributionId == ideaId)
            .OrderBy(o => o.AtUtc).ThenBy(o => o.Id).ToListAsync(cancellationToken);
}
