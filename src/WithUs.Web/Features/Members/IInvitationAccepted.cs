namespace WithUs.Web.Features.Members;

/// <summary>
/// Something another feature does when someone accepts an invitation, in the same save as their membership: People
/// links the account to the record the invitation was sent from. Members knows only this, not who does what.
/// </summary>
public interface IInvitationAccepted
{
    /// <summary>Stages its change on the context (the caller saves) and answers what to write in the audit log
    /// afterwards, if anything.</summary>
    Task<Func<CancellationToken, Task>?> StageAsync(Invitation invitation, Guid userId, CancellationToken cancellationToken);
}
