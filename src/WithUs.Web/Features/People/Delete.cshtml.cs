using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>Deletes the person but keeps what they said, with no one attached (personal data minimised, not voices lost).</summary>
public sealed class DeleteModel(WithUsDbContext db, AuditLog audit, TimeProvider clock) : OrganisationPageModel
{
    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public int ContributionCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = RouteResource<Person>();

        PersonId = person.Id;
        Name = person.Name;
        ContributionCount = await db.Contributions.CountAsync(c => c.PersonId == personId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = RouteResource<Person>();

        // Done here rather than left to the database, so every provider behaves alike and each removal is audited.
        var contributions = await db.Contributions.Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        foreach (var contribution in contributions)
        {
            contribution.PersonId = null;
        }

        var interests = await db.Interests.Where(i => i.PersonId == personId).ToListAsync(cancellationToken);
        var reachBacks = await db.ReachBacks.Where(r => r.PersonId == personId).ToListAsync(cancellationToken);
        db.Consents.RemoveRange(await db.Consents.Where(c => c.PersonId == personId).ToListAsync(cancellationToken));
        db.PersonRoles.RemoveRange(await db.PersonRoles.Where(r => r.PersonId == personId).ToListAsync(cancellationToken));
        db.TrainingRecords.RemoveRange(await db.TrainingRecords.Where(t => t.PersonId == personId).ToListAsync(cancellationToken));
        db.Recognitions.RemoveRange(await db.Recognitions.Where(r => r.PersonId == personId).ToListAsync(cancellationToken));
        db.SealedDetails.RemoveRange(await db.SealedDetails.Where(s => s.PersonId == personId).ToListAsync(cancellationToken));
        // Their requests stay, with no one attached, so the organisation can show it did what was asked and when.
        foreach (var request in await db.DataRequests.Where(r => r.PersonId == personId).ToListAsync(cancellationToken))
        {
            request.PersonId = null;
            if (request.DoneAtUtc is null)
            {
                request.DoneAtUtc = clock.GetUtcNow().UtcDateTime;
                request.DoneByUserId = CurrentUser.Id(User);
            }
        }

        db.Interests.RemoveRange(interests);
        db.ReachBacks.RemoveRange(reachBacks);
        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("PersonDeleted",
            details: $"{contributions.Count} {(contributions.Count == 1 ? "contribution" : "contributions")} kept with no name; " +
                $"{interests.Count} {(interests.Count == 1 ? "interest" : "interests")} and {reachBacks.Count} reach-back {(reachBacks.Count == 1 ? "record" : "records")} deleted",
            cancellationToken: cancellationToken);
        Notice = $"{person.Name} has been deleted. What they said is kept, with no name.";
        return RedirectToPage("/People/Index", new { org = Slug });
    }
}
