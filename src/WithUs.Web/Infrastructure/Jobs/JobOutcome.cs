namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>What one look at a job did, and when this node should look again (null: only when woken).</summary>
public sealed record JobOutcome(JobOutcomeKind Kind, DateTime? NextCheckUtc);
