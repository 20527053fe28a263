namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>What the outcome, told and owed page tests share.</summary>
internal static class OutcomeSteps
{
    internal static Task<Contribution> ReadAsync(WithUsFactory app, TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Something said without a name, whose outcome (Done) was decided yesterday.</summary>
    internal static Task<Contribution> AnonymousAndDoneAsync(WithUsFactory app, TestOrganisation organisation, string text,
        Action<Contribution>? more = null) =>
        app.CreateContributionAsync(organisation, text, c =>
        {
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
            more?.Invoke(c);
        });

    /// <summary>"Me too"s without a name on an idea, one for each text (an empty one adds no words).</summary>
    internal static async Task AnonymousVoicesAsync(WithUsFactory app, TestOrganisation organisation, Guid ideaId, params string[] texts)
    {
        foreach (var text in texts)
        {
            await app.CreateContributionAsync(organisation, text, c => c.LinkedToId = ideaId);
        }
    }
}
