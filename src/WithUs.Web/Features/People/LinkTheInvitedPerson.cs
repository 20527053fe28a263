using WithUs.Web.Features.Members;

namespace WithUs.Web.Features.People;

/// <summary>
/// Someone invited from their record accepts: the account and the person we hear from become one, unless the record
/// has an account already or the account has a record here already (one account, one record).
/// </summary>
public sealed class LinkTheInvitedPerson(WithUsDbContext db, AuditLog audit) : IInvitationAccepted
{
    public async Task<Func<CancellationToken, Task>?> StageAsync(Invitation invitation, Guid userId, CancellationToken cancellationToken)
    {
        if (invitation.PersonId is not { } personId || await db.People.AnyAsync(p => p.UserId == userId, cancellationToken))
        {
            return null;
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.UserId == null, cancellationToken);
        if (person is null)
        {
            return null;
        }

        person.UserId = userId;
        return token => audit.RecordAboutAsync("PersonLinked", nameof(Person), person.Id,
            details: "when they accepted the invitation sent from their record", cancellationToken: token);
    }
}
