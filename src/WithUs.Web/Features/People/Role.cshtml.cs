namespace WithUs.Web.Features.People;

/// <summary>
/// One role: who holds it now and what training or checks it needs. Administrators say what it needs and for how
/// long; a role for co-design needs nothing, which is where every role starts.
/// </summary>
public sealed class RoleModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public InvolvementRole Held { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name, DateTime StartedOn)> Holders { get; private set; } = [];

    public IReadOnlyList<RoleRequirement> Requirements { get; private set; } = [];

    public bool CanChange => Role >= OrganisationRole.Administrator;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? LastsMonths { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roleId, CancellationToken cancellationToken) =>
        await LoadAsync(roleId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid roleId, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        if (!await LoadAsync(roleId, cancellationToken))
        {
            return NotFound();
        }

        var name = PersonDetails.Text(Name, "What it is called", RoleRequirement.NameMaxLength);
        if (name.IsMissing)
        {
            ModelState.AddModelError(nameof(Name), "Enter the training or check, for example Safeguarding");
        }
        else if (name.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Name), problem);
        }

        int? months = null;
        if (!string.IsNullOrWhiteSpace(LastsMonths))
        {
            if (int.TryParse(LastsMonths.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
                && m is >= 1 and <= RoleRequirement.MaxMonths)
            {
                months = m;
            }
            else
            {
                ModelState.AddModelError(nameof(LastsMonths), $"Enter how many months it lasts, a whole number from 1 to {RoleRequirement.MaxMonths}, or leave it empty");
            }
        }

        if (name.Value is { } kept && Requirements.Any(r => string.Equals(r.Name, kept, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Name), $"{Held.Name} already needs {kept}");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        db.RoleRequirements.Add(new RoleRequirement
        {
            Id = Ids.New(),
            RoleId = Held.Id,
            Name = name.Value!,
            LastsMonths = months,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Invalid(nameof(Name), $"{Held.Name} already needs {name.Value}");
        }

        Notice = $"{Held.Name} now needs {name.Value}.";
        return RedirectToPage(new { org = Slug, roleId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid roleId, Guid requirementId, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        if (!await LoadAsync(roleId, cancellationToken))
        {
            return NotFound();
        }

        var requirement = await db.RoleRequirements.SingleOrDefaultAsync(r => r.Id == requirementId && r.RoleId == roleId, cancellationToken);
        if (requirement is not null)
        {
            // Removed here rather than left to the database's cascade, so each record's removal is in the audit log.
            db.TrainingRecords.RemoveRange(await db.TrainingRecords.Where(t => t.RequirementId == requirement.Id).ToListAsync(cancellationToken));
            db.RoleRequirements.Remove(requirement);
            await db.SaveChangesAsync(cancellationToken);
            Notice = $"{Held.Name} no longer needs {requirement.Name}, and the records of who did it are removed.";
        }

        return RedirectToPage(new { org = Slug, roleId });
    }

    private async Task<bool> LoadAsync(Guid roleId, CancellationToken cancellationToken)
    {
        var role = await db.InvolvementRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roleId, cancellationToken);
        if (role is null)
        {
            return false;
        }

        Held = role;
        Holders = (await db.PersonRoles.AsNoTracking()
                .Where(h => h.RoleId == roleId && h.EndedOn == null)
                .OrderBy(h => h.StartedOn)
                .Select(h => new { h.PersonId, Name = db.People.Where(p => p.Id == h.PersonId).Select(p => p.Name).First(), h.StartedOn })
                .ToListAsync(cancellationToken))
            .Select(h => (h.PersonId, h.Name, h.StartedOn)).ToList();
        Requirements = await db.RoleRequirements.AsNoTracking().Where(r => r.RoleId == roleId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return true;
    }
}
