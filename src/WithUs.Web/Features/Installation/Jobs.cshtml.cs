using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Installation;

/// <summary>How the background jobs are doing, for whoever runs the installation: read only.</summary>
public sealed class JobsModel(WithUsDbContext db, UserManager<ApplicationUser> users, JobRunner runner,
    IEnumerable<JobRegistration> registrations) : OperatorPageModel(users)
{
    /// <summary>Every job this node knows, with its shared state; a job that has never run has none yet.</summary>
    public IReadOnlyList<(string Name, JobState? State)> Jobs { get; private set; } = [];

    /// <summary>What work waits for each job that can say so (<see cref="IJobProgress"/>), by job name.</summary>
    public IReadOnlyDictionary<string, string> Progress { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var states = await db.JobStates.AsNoTracking().ToDictionaryAsync(j => j.Name, StringComparer.Ordinal, cancellationToken);
        Jobs = [.. runner.Names.Union(states.Keys).Order(StringComparer.Ordinal).Select(name => (name, states.GetValueOrDefault(name)))];
        var progress = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var registration in registrations.Where(r => r.JobType.IsAssignableTo(typeof(IJobProgress))))
        {
            var job = (IJobProgress)HttpContext.RequestServices.GetRequiredService(registration.JobType);
            progress[registration.Name] = await job.DescribeAsync(cancellationToken);
        }

        Progress = progress;
        return Page();
    }

    public static string When(DateTime? utc) =>
        utc is { } at ? at.ToString("d MMM yyyy HH:mm:ss 'UTC'", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "";

    public static string Describe(JobState? state) => state?.Status switch
    {
        null or JobStatus.Waiting => "Waiting",
        JobStatus.Running => "Running",
        JobStatus.Succeeded => "Succeeded",
        JobStatus.Retrying => $"Failed, trying again (attempt {state.Attempts})",
        JobStatus.Failed => $"Failed after {state.Attempts} attempts",
        _ => state.Status.ToString(),
    };
}
