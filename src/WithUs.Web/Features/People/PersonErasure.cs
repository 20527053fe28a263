using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>
/// Erases a person from the organisation (UK GDPR Article 17): everything that is about them goes, and what they said
/// stays, with no one attached, so their voice still counts. Gone: their record and consents, interests, reach-backs,
/// roles, training, recognition, sealed details (equality answers, a private need), invitations made from their record or
/// to their address, the notes staff kept about telling them, and the emails sent to them. A partner account linked to
/// the record leaves this organisation (its sessions end within a minute); an account that then belongs nowhere is
/// deleted. Their data requests stay as dates only, marked done. The audit log says that a record was erased and how
/// many rows went, never who it was. Everything happens in one save.
/// </summary>
public sealed class PersonErasure(WithUsDbContext db, TimeProvider clock, ICurrentActor actor)
{
    public sealed record Erased(int Contributions, int Removed, bool AccountClosed, bool AccountLeft);

    public async Task<Erased> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        var id = person.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = 0;

        void Remove<T>(List<T> rows)
            where T : class
        {
            db.Set<T>().RemoveRange(rows);
            removed += rows.Count;
        }

        var contributions = await db.Contributions.Where(c => c.PersonId == id).ToListAsync(cancellationToken);
        foreach (var contribution in contributions)
        {
            contribution.PersonId = null;
            // How we told them is about them; what they said and what happened to it is not.
            contribution.ToldNote = null;
        }

        if (person.UserId is { } userId)
        {
            foreach (var sent in await db.Contributions.Where(c => c.RecordedByUserId == userId).ToListAsync(cancellationToken))
            {
                sent.RecordedByUserId = null;
            }
        }

        Remove(await db.Interests.Where(i => i.PersonId == id).ToListAsync(cancellationToken));
        Remove(await db.ReachBacks.Where(r => r.PersonId == id).ToListAsync(cancellationToken));
        Remove(await db.Consents.Where(c => c.PersonId == id).ToListAsync(cancellationToken));
        Remove(await db.PersonRoles.Where(r => r.PersonId == id).ToListAsync(cancellationToken));
        Remove(await db.TrainingRecords.Where(t => t.PersonId == id).ToListAsync(cancellationToken));
        Remove(await db.Recognitions.Where(r => r.PersonId == id).ToListAsync(cancellationToken));
        Remove(await db.SealedDetails.Where(s => s.PersonId == id).ToListAsync(cancellationToken));

        foreach (var request in await db.DataRequests.Where(r => r.PersonId == id).ToListAsync(cancellationToken))
        {
            request.PersonId = null;
            if (request.DoneAtUtc is null)
            {
                request.DoneAtUtc = now;
                request.DoneByUserId = actor.UserId;
            }
        }

        var account = person.UserId is { } linked ? await db.Users.SingleOrDefaultAsync(u => u.Id == linked, cancellationToken) : null;
        var addresses = new[] { person.Email, account?.Email }
            .OfType<string>().Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
        Remove(await db.Invitations
            .Where(i => i.PersonId == id || addresses.Contains(i.NormalizedEmail))
            .ToListAsync(cancellationToken));

        var (closed, left) = account is null ? (false, false) : await LeaveAsync(account, cancellationToken);
        var lowered = addresses.Select(a => a.ToLowerInvariant()).ToList();
        // Emails waiting for another organisation's reason stay, unless the account is gone with this erasure.
        Remove(await db.OutboxEmails
            .Where(e => lowered.Contains(e.To.ToLower()) && (closed || account == null || e.SentAtUtc != null))
            .ToListAsync(cancellationToken));

        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        return new Erased(contributions.Count, removed, closed, left);
    }

    /// <summary>A partner's account leaves this organisation; deleted when it then belongs nowhere. Staff accounts
    /// stay as they are: erasing the record of someone who also works here does not end their job.</summary>
    private async Task<(bool Closed, bool Left)> LeaveAsync(ApplicationUser account, CancellationToken cancellationToken)
    {
        var memberships = await db.MembershipsOfUserAsync(account.Id, cancellationToken);
        var here = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == account.Id, cancellationToken);
        if (here is null || here.Role != OrganisationRole.Partner)
        {
            return (false, false);
        }

        db.Memberships.Remove(here);
        if (memberships.Count == 1 && !account.IsOperator)
        {
            db.Users.Remove(account);
            return (true, true);
        }

        // Their sessions here end at the next check of the security stamp (within a minute, AccountServices).
        account.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        return (false, true);
    }
}
