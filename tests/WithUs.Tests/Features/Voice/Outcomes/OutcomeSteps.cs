namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>What the outcome, told and owed page tests share.</summary>
internal static class OutcomeSteps
{
    internal static Task<Contribution> ReadAsync(WithUsFactory app, TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));
}
