using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.People;

/// <summary>
/// Two records of the same person made one (they spoke at a drop-in and later signed up online, say): everything
/// about the other record moves to the one kept, and the other goes. The kept record's details stand; what it lacks is
/// taken from the other. Their consent is the newest answer of each kind across both histories. Where both hold the
/// same thing once (an interest, equality answers, a waiting request), the newer is kept. Refused when both records
/// belong to partner accounts: two accounts are two people until they say otherwise.
/// </summary>
public sealed class PeopleMerge(WithUsDbContext db, Sealer sealer, IEnumerable<IPersonRowsMerge> others, TimeProvider clock)
{
    public sealed record Moved(int Contributions, int Rows);

    public static string? WhyNot(Person keep, Person other) =>
        keep.Id == other.Id ? "Choose a different record"
        : keep.UserId is not null && other.UserId is not null ? "Both records belong to partner accounts, so they are two people here: they cannot be merged"
        : null;

    public async Task<Moved> MergeAsync(Person keep, Person other, CancellationToken cancellationToken)
    {
        if (WhyNot(keep, other) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var (from, to) = (other.Id, keep.Id);
        var rows = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var contributions = await db.Contributions.Where(c => c.PersonId == from).ToListAsync(cancellationToken);
        contributions.ForEach(c => c.PersonId = to);

        var interests = await db.Interests.Where(i => i.PersonId == from || i.PersonId == to).ToListAsync(cancellationToken);
        foreach (var interest in interests.Where(i => i.PersonId == from))
        {
            var same = interests.Any(i => i.PersonId == to && i.ContributionId == interest.ContributionId && i.ThemeId == interest.ThemeId);
            if (same)
            {
                db.Interests.Remove(interest);
            }
            else
            {
                interest.PersonId = to;
            }

            rows++;
        }

        rows += Move(await db.ReachBacks.Where(r => r.PersonId == from).ToListAsync(cancellationToken), r => r.PersonId = to);
        rows += Move(await db.Consents.Where(c => c.PersonId == from).ToListAsync(cancellationToken), c => c.PersonId = to);
        rows += Move(await db.PersonRoles.Where(r => r.PersonId == from).ToListAsync(cancellationToken), r => r.PersonId = to);
        rows += Move(await db.TrainingRecords.Where(t => t.PersonId == from).ToListAsync(cancellationToken), t => t.PersonId = to);
        rows += Move(await db.Recognitions.Where(r => r.PersonId == from).ToListAsync(cancellationToken), r => r.PersonId = to);
        rows += await MoveSealedAsync(keep, other, cancellationToken);
        rows += await MoveRequestsAsync(from, to, cancellationToken);
        foreach (var feature in others)
        {
            rows += await feature.StageAsync(db, from, to, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        TakeWhatIsMissing(keep, other);
        await TakeConsentAsync(keep, cancellationToken);
        keep.PastRetentionSince = null;

        var account = other.UserId;
        db.People.Remove(other);
        // The record goes first: the account can belong to one record here at a time (a unique index).
        await db.SaveChangesAsync(cancellationToken);
        if (account is not null)
        {
            keep.UserId = account;
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Moved(contributions.Count, rows);
    }

    private static int Move<T>(List<T> rows, Action<T> move)
    {
        rows.ForEach(move);
        return rows.Count;
    }

    /// <summary>Sealed details are sealed to their person, so each one moving is opened and sealed again to the kept one.</summary>
    private async Task<int> MoveSealedAsync(Person keep, Person other, CancellationToken cancellationToken)
    {
        var both = await db.SealedDetails.Where(s => s.PersonId == other.Id || s.PersonId == keep.Id).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var theirs in both.Where(s => s.PersonId == other.Id))
        {
            var ours = both.SingleOrDefault(s => s.PersonId == keep.Id && s.Kind == theirs.Kind);
            if (ours is not null && ours.AtUtc >= theirs.AtUtc)
            {
                db.SealedDetails.Remove(theirs);
                continue;
            }

            if (ours is not null)
            {
                db.SealedDetails.Remove(ours);
            }

            var plain = sealer.Open(theirs.Value, SealedDetail.Context(theirs.OrganisationId, other.Id, theirs.Kind));
            db.SealedDetails.Remove(theirs);
            db.SealedDetails.Add(new SealedDetail
            {
                Id = Ids.New(),
                PersonId = keep.Id,
                OrganisationId = theirs.OrganisationId,
                Kind = theirs.Kind,
                KeyName = sealer.CurrentKey,
                Value = sealer.Seal(plain, SealedDetail.Context(theirs.OrganisationId, keep.Id, theirs.Kind)),
                AtUtc = theirs.AtUtc,
            });
            moved++;
        }

        return moved;
    }

    /// <summary>Their requests move; one waiting on each side for the same thing becomes one, the earlier (soonest due).</summary>
    private async Task<int> MoveRequestsAsync(Guid from, Guid to, CancellationToken cancellationToken)
    {
        var requests = await db.DataRequests.Where(r => r.PersonId == from || r.PersonId == to).ToListAsync(cancellationToken);
        foreach (var request in requests.Where(r => r.PersonId == from))
        {
            var waiting = requests.FirstOrDefault(r => r.PersonId == to && r.Kind == request.Kind && r.DoneAtUtc == null);
            if (request.DoneAtUtc is null && waiting is not null)
            {
                if (request.DueOn < waiting.DueOn)
                {
                    (waiting.RequestedAtUtc, waiting.DueOn) = (request.RequestedAtUtc, request.DueOn);
                }

                db.DataRequests.Remove(request);
                continue;
            }

            request.PersonId = to;
        }

        return requests.Count(r => r.PersonId == from);
    }

    private static void TakeWhatIsMissing(Person keep, Person other)
    {
        keep.Pronouns ??= other.Pronouns;
        keep.Languages ??= other.Languages;
        keep.NotToContact ??= other.NotToContact;
        keep.InterpreterLanguage ??= other.InterpreterLanguage;
        if (!keep.HasPrivateNeed())
        {
            keep.OtherAccessNeed ??= other.OtherAccessNeed;
        }

        keep.AccessNeeds |= other.AccessNeeds;
        if (keep.ContactBy is null && other.ContactBy is not null)
        {
            (keep.ContactBy, keep.Email, keep.Phone, keep.PostalAddress, keep.ThroughWorker) =
                (other.ContactBy, other.Email, other.Phone, other.PostalAddress, other.ThroughWorker);
        }

        keep.CreatedAtUtc = keep.CreatedAtUtc < other.CreatedAtUtc ? keep.CreatedAtUtc : other.CreatedAtUtc;
    }

    /// <summary>The answers that stand are the newest of each kind across both histories, now all the kept record's.</summary>
    private async Task TakeConsentAsync(Person keep, CancellationToken cancellationToken)
    {
        var answers = await db.Consents.Where(c => c.PersonId == keep.Id).ToListAsync(cancellationToken);
        answers.AddRange(db.Consents.Local.Where(c => c.PersonId == keep.Id && !answers.Contains(c)));
        var state = new ConsentState(answers);
        keep.ConsentToRecord = state.Current(ConsentKind.Record)?.Given ?? keep.ConsentToRecord;
        keep.MayContact = state.Current(ConsentKind.Contact)?.Given ?? keep.MayContact;
        if (!keep.MayContact)
        {
            (keep.ContactBy, keep.Email, keep.Phone, keep.PostalAddress, keep.ThroughWorker) = (null, null, null, null, null);
        }
    }
}
