namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// Someone from the team who was in the room when a decision was made. Goes with the member (an erased person's
/// place in the team, and so this row, is deleted); the decision's counts keep the evidence.
/// </summary>
public sealed class DecisionPresent : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid DecisionId { get; set; }

    public Guid MemberId { get; set; }
}
