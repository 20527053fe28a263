using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Features.Voice.SameIdea;

/// <summary>What the same-idea tests share: reading offers, and running the finder's job until nothing waits.</summary>
internal static class SameIdeaSteps
{
    public static Task<List<SameIdeaOffer>> OffersAsync(WithUsFactory app, TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.Set<SameIdeaOffer>().AsNoTracking().OrderBy(o => o.FoundAtUtc).ToListAsync());

    public static Task<Contribution> ContributionAsync(WithUsFactory app, TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Runs the job until no idea waits (a save also wakes it in the background, which may hold it a moment).</summary>
    public static async Task CompareAllAsync(WithUsFactory app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var outcome = await runner.RunIfDueAsync(SameIdeaJob.JobName, force: true, CancellationToken.None);
            if (outcome.Kind == JobOutcomeKind.Succeeded && await WaitingAsync(app) == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{await WaitingAsync(app)} ideas still wait to be compared");
    }

    private static Task<int> WaitingAsync(WithUsFactory app) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Set<SameIdeaWaiting>().IgnoreQueryFilters().CountAsync());
}
