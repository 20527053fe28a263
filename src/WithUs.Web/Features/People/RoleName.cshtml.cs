using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People;

/// <summary>An administrator names a role: a new one, or a new name for one (everyone who held it keeps it).</summary>
[MinimumRole(OrganisationRole.Administrator)]
public sealed class RoleNameModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public InvolvementRole? Existing { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? roleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roleId, cancellationToken))
        {
            return NotFound();
        }

        Name = Existing?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? roleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(roleId, cancellationToken))
        {
            return NotFound();
        }

        var name = PersonDetails.Text(Name, "The role's name", InvolvementRole.NameMaxLength);
        if (name.IsMissing)
        {
            return Invalid(nameof(Name), "Enter the role's name");
        }

        if (name.Problem is { } problem)
        {
            return Invalid(nameof(Name), problem);
        }

        var kept = name.Value!;
        var lower = kept.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL on both databases.
        if (await db.InvolvementRoles.AnyAsync(r => r.Id != roleId && r.Name.ToLower() == lower, cancellationToken))
#pragma warning restore CA1862
        {
            return Invalid(nameof(Name), $"There is already a role called {kept}");
        }

        if (Existing is { } role)
        {
            role.Name = kept;
        }
        else
        {
            db.InvolvementRoles.Add(new InvolvementRole
            {
                Id = Ids.New(),
                Name = kept,
                Position = await db.InvolvementRoles.Select(r => (int?)r.Position).MaxAsync(cancellationToken) + 1 ?? 0,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same name saved by someone else in the moment since the check: the unique index keeps one.
            return Invalid(nameof(Name), $"There is already a role called {kept}");
        }

        Notice = Existing is null ? $"Added the role {kept}." : $"Renamed to {kept}.";
        return RedirectToPage("/People/Roles", new { org = Slug });
    }

    private async Task<bool> LoadAsync(Guid? roleId, CancellationToken cancellationToken)
    {
        if (roleId is null)
        {
            return true;
        }

        Existing = await db.InvolvementRoles.SingleOrDefaultAsync(r => r.Id == roleId, cancellationToken);
        return Existing is not null;
    }
}
