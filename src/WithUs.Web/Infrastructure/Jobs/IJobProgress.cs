namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>A job that can say, in a sentence, what work is waiting for it: shown under it on the installation's jobs page.</summary>
public interface IJobProgress
{
    Task<string> DescribeAsync(CancellationToken cancellationToken);
}
