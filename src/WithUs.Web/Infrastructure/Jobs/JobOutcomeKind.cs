namespace WithUs.Web.Infrastructure.Jobs;

public enum JobOutcomeKind
{
    /// <summary>It was not due, and nobody woke it.</summary>
    NotDue,

    /// <summary>Another node holds it; when woken, that node was asked to run it again when it finishes.</summary>
    Busy,

    Succeeded,

    Failed,
}
