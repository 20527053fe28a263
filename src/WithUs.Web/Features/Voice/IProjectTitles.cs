namespace WithUs.Web.Features.Voice;

/// <summary>
/// The titles of the projects ideas are part of (<see cref="Contribution.ProjectId"/>), for Voice's pages to name them.
/// Projects implements it: Projects stands on Voice, so Voice asks through this rather than reading projects itself.
/// </summary>
public interface IProjectTitles
{
    Task<IReadOnlyDictionary<Guid, string>> ForAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken);
}
