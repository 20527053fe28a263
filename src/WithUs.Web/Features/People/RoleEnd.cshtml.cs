namespace WithUs.Web.Features.People;

/// <summary>Staff record the day someone stopped holding a role; it stays on their timeline.</summary>
public sealed class RoleEndModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    public PersonRole Held { get; private set; } = null!;

    [BindProperty]
    public string? EndedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid heldId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(heldId, cancellationToken))
        {
            return NotFound();
        }

        EndedOn = DateText.Format(OrganisationClock.For(Organisation, clock).Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid heldId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(heldId, cancellationToken))
        {
            return NotFound();
        }

        var today = OrganisationClock.For(Organisation, clock).Today;
        var ended = RoleDays.Check(ModelState, nameof(EndedOn), EndedOn, "the day they stopped", today, required: true);
        if (ended is { } day && OrganisationClock.Stored(day) < Held.StartedOn)
        {
            ModelState.AddModelError(nameof(EndedOn), "The day they stopped must be on or after the day they started");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Held.EndedOn = OrganisationClock.Stored(ended!.Value);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Saved: {Person.Name} was {Held.Role!.Name.ToLowerInvariant()} until {OrganisationClock.DayWords(Held.EndedOn.Value)}.";
        return RedirectToPage("/People/Person", null, new { org = Slug, personId = Person.Id }, "roles");
    }

    private async Task<bool> LoadAsync(Guid heldId, CancellationToken cancellationToken)
    {
        var held = await db.PersonRoles.Include(r => r.Role)
            .SingleOrDefaultAsync(r => r.Id == heldId && r.PersonId == Person.Id && r.EndedOn == null, cancellationToken);
        if (held is null)
        {
            return false;
        }

        Held = held;
        return true;
    }
}
