namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// A contribution, new or reworded, not yet compared with the organisation's other ideas by <see cref="SameIdeaJob"/>.
/// Written in the same save as the contribution, so none is missed when a node stops; a contribution may be waiting
/// more than once (edited twice), and the job clears them all.
/// </summary>
public sealed class SameIdeaWaiting : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ContributionId { get; set; }
}
