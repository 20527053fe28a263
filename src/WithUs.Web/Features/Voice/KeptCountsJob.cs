using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Outcomes;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// What the database's triggers keep for the pages to read, checked against a recount organisation by organisation
/// and put right where it differs: each contribution's outcome that counts and whether its person can be told
/// (<see cref="IdeaOutcomes"/>, ADR 0014), each idea's voices (<see cref="VoiceCounts"/>) and
/// each theme's count of contributions (<see cref="ThemeCounts"/>). The triggers keep both in the same transaction as
/// every change, so a run normally finds nothing; it is for what is written around them (PostgreSQL's replica mode,
/// a "me too" bulk-written before its idea, a database restored or edited by hand), and says in the log what it
/// corrected. Runs when a node starts and then every <c>Maintenance:KeptCountsEveryHours</c> (24; 0 turns it off).
/// </summary>
public sealed class KeptCountsJob(IServiceScopeFactory scopes, WithUsDbContext db, IConfiguration configuration,
    ILogger<KeptCountsJob> logger) : IJob, IJobProgress
{
    public const string JobName = "kept-counts";

    public static void Schedule(JobSchedule schedule, IConfiguration configuration) => schedule.AtStartAndEvery(configuration, Setting);

    private const string Setting = "Maintenance:KeptCountsEveryHours";

    private static int Hours(IConfiguration configuration) => JobSchedule.Hours(configuration, Setting);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        foreach (var organisationId in await EachOrganisation.IdsAsync(db, cancellationToken))
        {
            var (outcomes, themes) = await CorrectAsync(organisationId, cancellationToken);
            if (outcomes + themes > 0)
            {
                logger.LogWarning("Organisation {OrganisationId}: corrected the kept outcome, voices or whether their person can be told of {Outcomes} contributions and the count of {Themes} themes, which differed from a recount",
                    organisationId, outcomes, themes);
            }

            if (!await context.RenewLeaseAsync(cancellationToken))
            {
                return;
            }
        }
    }

    public Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Hours(configuration) > 0
            ? $"Checks each organisation's kept outcomes, voices and theme counts against a recount when this node starts and every {Hours(configuration)} hours, and corrects any that differ (the log says which)."
            : "Turned off (Maintenance:KeptCountsEveryHours is 0): kept outcomes, voices and theme counts are not checked against a recount.");

    /// <summary>One organisation: how many contributions' kept outcomes and themes' counts were wrong (and are now right).</summary>
    private async Task<(int Outcomes, int Themes)> CorrectAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var scope = await EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);
        var scoped = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var outcomes = await IdeaOutcomes.DriftAsync(scoped, cancellationToken);
        if (outcomes > 0)
        {
            await IdeaOutcomes.RebuildAsync(scoped, cancellationToken);
        }

        outcomes += await VoiceCounts.RebuildAsync(scoped, cancellationToken);

        return (outcomes, await ThemeCounts.RebuildAsync(scoped, cancellationToken));
    }
}
