using Microsoft.AspNetCore.Mvc.ModelBinding;

using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>Staff record that someone took on a role here, from a day (and, for a past role, until a day).</summary>
public sealed class RoleNewModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    public IReadOnlyList<InvolvementRole> Roles { get; private set; } = [];

    [BindProperty]
    public Guid? RoleId { get; set; }

    [BindProperty]
    public string? StartedOn { get; set; }

    [BindProperty]
    public string? EndedOn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = await RoleList.LoadAsync(db, cancellationToken);
        StartedOn = DateText.Format(OrganisationClock.For(Organisation, clock).Today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Roles = await RoleList.LoadAsync(db, cancellationToken);
        ModelState.Remove(nameof(RoleId));
        if (RoleId is not { } roleId || Roles.All(r => r.Id != roleId))
        {
            ModelState.AddModelError(nameof(RoleId), "Choose a role");
        }

        var today = OrganisationClock.For(Organisation, clock).Today;
        var started = RoleDays.Check(ModelState, nameof(StartedOn), StartedOn, "the day they started", today, required: true);
        var ended = RoleDays.Check(ModelState, nameof(EndedOn), EndedOn, "the day they stopped", today, required: false);
        if (started is { } from && ended is { } to && to < from)
        {
            ModelState.AddModelError(nameof(EndedOn), "The day they stopped must be on or after the day they started");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        db.PersonRoles.Add(new PersonRole
        {
            Id = Ids.New(),
            PersonId = Person.Id,
            RoleId = RoleId!.Value,
            StartedOn = OrganisationClock.Stored(started!.Value),
            EndedOn = ended is { } end ? OrganisationClock.Stored(end) : null,
            RecordedByUserId = CurrentUser.Id(User),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Added: {Person.Name}, {Roles.Single(r => r.Id == RoleId).Name.ToLowerInvariant()}.";
        return RedirectToPage("/People/Person", null, new { org = Slug, personId = Person.Id }, "roles");
    }
}

/// <summary>The organisation's roles in their order; and the days roles start and end on.</summary>
public static class RoleList
{
    public static async Task<IReadOnlyList<InvolvementRole>> LoadAsync(WithUsDbContext db, CancellationToken cancellationToken) =>
        await db.InvolvementRoles.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(cancellationToken);
}

public static class RoleDays
{
    /// <summary>A day typed for a role: a real date, not in the future, not before 1900. <paramref name="what"/> names it
    /// in the messages ("the day they started").</summary>
    public static DateOnly? Check(ModelStateDictionary modelState, string key, string? typed, string what, DateOnly today, bool required)
    {
        var capital = char.ToUpperInvariant(what[0]) + what[1..];
        if (string.IsNullOrWhiteSpace(typed))
        {
            if (required)
            {
                modelState.AddModelError(key, $"Enter {what}");
            }

            return null;
        }

        if (DateText.Parse(typed) is not { } day)
        {
            modelState.AddModelError(key, $"{capital} must be a real date, like 21/11/2026");
            return null;
        }

        if (day > today)
        {
            modelState.AddModelError(key, $"{capital} must be today or in the past");
            return null;
        }

        if (day.Year < 1900)
        {
            modelState.AddModelError(key, $"{capital} must be after 1900");
            return null;
        }

        return day;
    }
}
