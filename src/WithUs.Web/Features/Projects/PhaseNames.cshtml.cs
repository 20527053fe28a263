using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Projects;

/// <summary>An administrator names the four phases in the organisation's own plain words; a blank name goes back to the default.</summary>
[MinimumRole(OrganisationRole.Administrator)]
public sealed class PhaseNamesModel(WithUsDbContext db, AuditLog audit) : OrganisationPageModel
{
    /// <summary>One name per phase, in order; blank for the default.</summary>
    [BindProperty]
    public List<string?> Names { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var naming = await PhaseNaming.ForAsync(db, cancellationToken);
        Names = CoPhaseWords.All.Select(p => naming.IsRenamed(p) ? naming[p] : null).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var phases = CoPhaseWords.All;
        Names = phases.Select((_, i) => i < Names.Count ? Names[i] : null).ToList();
        var cleaned = new List<string?>();
        for (var i = 0; i < phases.Count; i++)
        {
            var name = PlainTextAttribute.Clean(Names[i]);
            if (name.Length > PhaseName.NameMaxLength)
            {
                ModelState.AddModelError($"Names[{i}]", $"The name for {phases[i].DefaultName()} must be 60 characters or fewer");
            }
            else if (name.Length > 0 && (!PlainTextAttribute.IsPlain(name) || name.Contains('\n')))
            {
                ModelState.AddModelError($"Names[{i}]", $"The name for {phases[i].DefaultName()} can only have letters, numbers, spaces and punctuation");
            }

            cleaned.Add(name.Length == 0 || name == phases[i].DefaultName() ? null : name);
        }

        var given = cleaned.OfType<string>().ToList();
        if (given.Count != given.Distinct(StringComparer.OrdinalIgnoreCase).Count()
            || cleaned.Select((n, i) => n ?? phases[i].DefaultName()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != phases.Count)
        {
            ModelState.AddModelError("Names[0]", "Give each phase a different name");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var existing = await db.Set<PhaseName>().ToListAsync(cancellationToken);
        for (var i = 0; i < phases.Count; i++)
        {
            var row = existing.SingleOrDefault(e => e.Phase == phases[i]);
            if (cleaned[i] is null)
            {
                if (row is not null)
                {
                    db.Remove(row);
                }
            }
            else if (row is null)
            {
                db.Add(new PhaseName { Id = Ids.New(), Phase = phases[i], Name = cleaned[i]! });
            }
            else
            {
                row.Name = cleaned[i]!;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another administrator saved names a moment ago: theirs stand; show them.
            db.ChangeTracker.Clear();
            Notice = "Someone else saved names a moment ago. These are theirs: change them again if you need to.";
            return RedirectToPage("/Projects/PhaseNames", new { org = Slug });
        }

        await audit.RecordAsync("PhaseNamesChanged", details: string.Join("; ", cleaned.Select((n, i) => n ?? phases[i].DefaultName())),
            cancellationToken: cancellationToken);
        Notice = "Saved. Every project now uses these names.";
        return RedirectToPage("/Projects/Index", new { org = Slug });
    }
}
