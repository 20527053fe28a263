namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// Told when an organisation's rows were written beside the change tracker (<see cref="BulkInsert"/>, ExecuteUpdate)
/// and committed, where no save interceptor saw them: what a feature does after a save (evicting a cache, say), it does
/// here too. The code that writes that way calls every registered listener once its transaction commits.
/// </summary>
public interface IDirectWriteListener
{
    Task WrittenAsync(Guid organisationId, CancellationToken cancellationToken);
}

public static class DirectWrites
{
    /// <summary>Tells every listener that the organisation's rows were written directly and committed.</summary>
    public static async Task WrittenAsync(this IEnumerable<IDirectWriteListener> listeners, Guid organisationId, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            await listener.WrittenAsync(organisationId, cancellationToken);
        }
    }
}
