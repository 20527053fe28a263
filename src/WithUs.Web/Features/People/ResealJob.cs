using WithUs.Web.Infrastructure.Jobs;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.People;

/// <summary>
/// Key rotation's second half: every sealed detail still sealed with an older key is opened and sealed again with the
/// newest, organisation by organisation, so the old key can then be taken out of the key file. Values whose key is
/// missing are left exactly as they are (never lost by this job) and counted in the log and on the jobs page. Runs
/// when a node starts and then every <c>Maintenance:ResealEveryHours</c> (24; 0 turns it off).
/// </summary>
public sealed class ResealJob(IServiceScopeFactory scopes, WithUsDbContext db, Sealer sealer, IConfiguration configuration,
    ILogger<ResealJob> logger) : IJob, IJobProgress
{
    public const string JobName = "reseal-sensitive-data";

    private const int BatchSize = 200;

    public static void Schedule(JobSchedule schedule, IConfiguration configuration) => schedule.AtStartAndEvery(configuration, Setting);

    private const string Setting = "Maintenance:ResealEveryHours";

    private static int Hours(IConfiguration configuration) => JobSchedule.Hours(configuration, Setting);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var resealed = 0;
        var unreadable = 0;
        foreach (var organisationId in await EachOrganisation.IdsAsync(db, cancellationToken))
        {
            var (done, missing) = await ResealAsync(organisationId, cancellationToken);
            resealed += done;
            unreadable += missing;
            if (!await context.RenewLeaseAsync(cancellationToken))
            {
                return;
            }
        }

        if (resealed > 0)
        {
            logger.LogInformation("Sealed {Count} sensitive details again with the newest key, {Key}", resealed, sealer.CurrentKey);
        }

        if (unreadable > 0)
        {
            logger.LogError("{Count} sensitive details are sealed with a key WithUs was not given, so they cannot be read or counted: put the key back in the key file (docs/configuration.md)",
                unreadable);
        }
    }

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        if (Hours(configuration) <= 0)
        {
            return "Turned off (Maintenance:ResealEveryHours is 0): details sealed with an older key stay so until it is turned on.";
        }

        var older = await OlderAsync(cancellationToken);
        return older == 0
            ? $"Every sensitive detail is sealed with the newest key ({sealer.CurrentKey}). Checks again when this node starts and every {Hours(configuration)} hours."
            : $"{older:N0} sensitive {(older == 1 ? "detail is" : "details are")} sealed with an older key: sealed again with {sealer.CurrentKey} when this job runs (at start and every {Hours(configuration)} hours), except any whose key is missing, which stay as they are.";
    }

    private async Task<int> OlderAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var organisationId in await EachOrganisation.IdsAsync(db, cancellationToken))
        {
            using var scope = await EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);
            total += await scope.ServiceProvider.GetRequiredService<WithUsDbContext>().SealedDetails
                .CountAsync(s => s.KeyName != sealer.CurrentKey, cancellationToken);
        }

        return total;
    }

    /// <summary>One organisation's details under older keys, in batches: how many were sealed again, how many could not be.</summary>
    private async Task<(int Resealed, int Unreadable)> ResealAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var resealed = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            using var scope = await EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);
            var scoped = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
            var skip = skipped.ToList();
            var batch = await scoped.SealedDetails
                .Where(s => s.KeyName != sealer.CurrentKey && !skip.Contains(s.Id))
                .OrderBy(s => s.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (resealed, skipped.Count);
            }

            foreach (var row in batch)
            {
                var context = SealedDetail.Context(row.OrganisationId, row.PersonId, row.Kind);
                try
                {
                    row.Value = sealer.Seal(sealer.Open(row.Value, context), context);
                }
                catch (SealedValueUnreadableException)
                {
                    skipped.Add(row.Id);
                    continue;
                }

                row.KeyName = sealer.CurrentKey;
                resealed++;
            }

            await scoped.SaveChangesAsync(cancellationToken);
        }
    }
}
