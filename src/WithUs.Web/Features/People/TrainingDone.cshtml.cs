using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>Staff record that someone did a piece of training or passed a check; when it runs out follows from the role's rule.</summary>
public sealed class TrainingDoneModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    public RoleRequirement Requirement { get; private set; } = null!;

    [BindProperty]
    public string? DoneOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid requirementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requirementId, cancellationToken))
        {
            return NotFound();
        }

        DoneOn = DateText.Format(OrganisationClock.For(Organisation, clock).Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid requirementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requirementId, cancellationToken))
        {
            return NotFound();
        }

        var today = OrganisationClock.For(Organisation, clock).Today;
        if (RoleDays.Check(ModelState, nameof(DoneOn), DoneOn, "the day they did it", today, required: true) is not { } done)
        {
            return Invalid();
        }

        var record = new TrainingRecord
        {
            Id = Ids.New(),
            PersonId = Person.Id,
            RequirementId = Requirement.Id,
            DoneOn = OrganisationClock.Stored(done),
            ExpiresOn = Requirement.LastsMonths is { } months ? OrganisationClock.Stored(done.AddMonths(months)) : null,
            RecordedByUserId = CurrentUser.Id(User),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TrainingRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        Notice = record.ExpiresOn is { } until
            ? $"Saved: {Requirement.Name}, until {OrganisationClock.DayWords(until)}."
            : $"Saved: {Requirement.Name}.";
        return RedirectToPage("/People/Person", null, new { org = Slug, personId = Person.Id }, "training");
    }

    private async Task<bool> LoadAsync(Guid requirementId, CancellationToken cancellationToken)
    {
        var requirement = await db.RoleRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requirementId, cancellationToken);
        if (requirement is null)
        {
            return false;
        }

        Requirement = requirement;
        return true;
    }
}
