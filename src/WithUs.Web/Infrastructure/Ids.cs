namespace WithUs.Web.Infrastructure;

/// <summary>
/// The one place that makes ids (BannedSymbols.txt bans Guid.NewGuid and Guid.CreateVersion7 everywhere else).
/// Ids are version-7 Guids: made by the client, so one set of migrations serves both databases without identity
/// columns, and time-ordered, so new rows land at the end of their indexes and break ties in creation order.
/// </summary>
/// <remarks>
/// The timestamp inside an id is taken from the real clock, not the injected <see cref="TimeProvider"/>, on purpose:
/// an id is not a time that any page reads, and a test that freezes or moves its clock still gets ids in the order
/// it made them, so "newest first, then by id" stays deterministic.
/// </remarks>
public static class Ids
{
    public static Guid New() =>
#pragma warning disable RS0030 // The one allowed maker of ids; see the summary.
        Guid.CreateVersion7();
#pragma warning restore RS0030
}
