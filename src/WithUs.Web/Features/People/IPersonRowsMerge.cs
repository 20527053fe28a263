namespace WithUs.Web.Features.People;

/// <summary>
/// Rows about a person that another feature owns (a project's team), moved to the record kept when two records of the
/// same person are merged (<see cref="PeopleMerge"/>). Each stages its changes; the merge saves them with its own.
/// </summary>
public interface IPersonRowsMerge
{
    /// <returns>How many rows it moved.</returns>
    Task<int> StageAsync(WithUsDbContext db, Guid mergedId, Guid keptId, DateTime now, CancellationToken cancellationToken);
}
