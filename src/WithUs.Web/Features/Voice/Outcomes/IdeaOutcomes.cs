namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// The outcome that counts, kept on each row (<see cref="Contribution.IdeaOutcome"/>, its date and publishing) by the
/// database's triggers (migration IdeaOutcomeOnEachRow), and whether whoever said it can be told
/// (<see cref="Contribution.CanBeTold"/>, migration CanBeToldOnEachRow). Here: how far the kept copies are from a
/// recount, and a rebuild of them from scratch, for anything written around the triggers (a bulk write of "me too"s
/// before their ideas, a restore from an old backup). Both read and write the current organisation only.
/// </summary>
public static class IdeaOutcomes
{
    /// <summary>Rows whose kept copies differ from what their idea (or they themselves) hold now: 0 when all is right.</summary>
    public static Task<int> DriftAsync(WithUsDbContext db, CancellationToken cancellationToken = default) =>
        db.Contributions.CountAsync(c =>
            c.IdeaOutcome != (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome)
            || c.IdeaOutcomeAtUtc != (c.LinkedToId == null ? c.OutcomeAtUtc : c.LinkedTo!.OutcomeAtUtc)
            || c.IdeaIsPublished != (c.LinkedToId == null ? c.IsPublished : c.LinkedTo!.IsPublished)
            || c.CanBeTold != (c.PersonId != null && (c.Person!.MayContact || c.Person.UserId != null)), cancellationToken);

    /// <summary>Recomputes every row's copies from its idea (or itself); the rows changed.</summary>
    public static Task<int> RebuildAsync(WithUsDbContext db, CancellationToken cancellationToken = default) =>
        db.Contributions.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.IdeaOutcome, c => c.LinkedToId == null
                ? c.Outcome
                : db.Contributions.Where(i => i.Id == c.LinkedToId).Select(i => i.Outcome).First())
            .SetProperty(c => c.IdeaOutcomeAtUtc, c => c.LinkedToId == null
                ? c.OutcomeAtUtc
                : db.Contributions.Where(i => i.Id == c.LinkedToId).Select(i => i.OutcomeAtUtc).First())
            .SetProperty(c => c.IdeaIsPublished, c => c.LinkedToId == null
                ? c.IsPublished
                : db.Contributions.Where(i => i.Id == c.LinkedToId).Select(i => i.IsPublished).First())
            .SetProperty(c => c.CanBeTold, c => c.PersonId != null
                && db.People.Where(p => p.Id == c.PersonId).Select(p => p.MayContact || p.UserId != null).First()), cancellationToken);
}
