using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// Change a boundary, or remove it, always saying why: a change ends this version and adds the new one, so the history
/// of what people were told is kept (and two people changing it at once make one change).
/// </summary>
public sealed class BoundaryModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public Boundary Boundary => RouteResource<Boundary>();

    [BindProperty]
    public BoundaryInput Input { get; set; } = new();

    /// <summary>Why it is removed (the remove form's own field).</summary>
    [BindProperty]
    public string? RemoveWhy { get; set; }

    public IActionResult OnGet()
    {
        if (Stale() is { } gone)
        {
            return gone;
        }

        Input = BoundaryInput.From(Boundary);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Stale() is { } gone)
        {
            return gone;
        }

        Input.Check(ModelState, whyRequired: true);
        if (ModelState.IsValid && Input.SameAs(Boundary))
        {
            ModelState.AddModelError("Input.Text", "Nothing has changed. Change what it says, or go back");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.UtcNow;
        var userId = CurrentUser.Id(User);
        var next = Input.ToBoundary(Project.Id, now, userId, Boundary.Id);
        Boundary.EndedAtUtc = now;
        Boundary.EndedByUserId = userId;
        db.Add(next);
        if (!await SavedAsync(cancellationToken))
        {
            return Changed();
        }

        await audit.RecordAsync("BoundaryChanged", details: $"{Project.Title}: {next.Kind}", cancellationToken: cancellationToken);
        Notice = $"Changed. The reason is kept with it: {next.ChangeWhy}";
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = Project.Id }, "boundaries");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (Stale() is { } gone)
        {
            return gone;
        }

        Input = BoundaryInput.From(Boundary);
        var why = PlainTextAttribute.Clean(RemoveWhy);
        if (why.Length == 0)
        {
            ModelState.AddModelError(nameof(RemoveWhy), "Say why it no longer stands: everyone who was told before will see it");
        }
        else if (why.Length > Boundary.WhyMaxLength)
        {
            ModelState.AddModelError(nameof(RemoveWhy), "Why must be 500 characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(why))
        {
            ModelState.AddModelError(nameof(RemoveWhy), "Why can only have letters, numbers, spaces and punctuation");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Boundary.EndedAtUtc = clock.UtcNow;
        Boundary.EndedByUserId = CurrentUser.Id(User);
        Boundary.EndedWhy = why;
        if (!await SavedAsync(cancellationToken))
        {
            return Changed();
        }

        await audit.RecordAsync("BoundaryRemoved", details: Project.Title, cancellationToken: cancellationToken);
        Notice = $"Removed: {Boundary.Text}. The reason is kept with it.";
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = Project.Id }, "boundaries");
    }

    /// <summary>Another project's boundary is not found here; one that has since changed sends the person to its history.</summary>
    private IActionResult? Stale()
    {
        if (Boundary.ProjectId != Project.Id)
        {
            return NotFound();
        }

        return Boundary.EndedAtUtc is null ? null : Changed();
    }

    private RedirectToPageResult Changed()
    {
        Notice = "That had already been changed or removed, by you or someone else. Here is what happened to it.";
        return RedirectToPage("/Projects/Boundaries", new { org = Slug, projectId = Project.Id });
    }

    /// <summary>Saves, unless someone changed the same version a moment before (the unique replacement, or its end).</summary>
    private async Task<bool> SavedAsync(CancellationToken cancellationToken)
    {
        var ended = await db.Set<Boundary>().AsNoTracking().AnyAsync(b => b.Id == Boundary.Id && b.EndedAtUtc != null, cancellationToken);
        if (ended)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
