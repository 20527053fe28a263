namespace WithUs.Web.Features.Projects;

/// <summary>One phase of a project: its goals, its dates and where it stands.</summary>
public sealed class PhaseModel(WithUsDbContext db) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [FromRoute(Name = "phase")]
    public string? PhaseKey { get; set; }

    public ProjectPhase? Phase { get; private set; }

    public string Name { get; private set; } = "";

    [BindProperty]
    [StringLength(ProjectPhase.GoalsMaxLength, ErrorMessage = "The goals must be 1,000 characters or fewer")]
    [PlainText(ErrorMessage = "The goals can only have letters, numbers, spaces and punctuation")]
    public string? Goals { get; set; }

    [BindProperty]
    public string? StartsOn { get; set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    [BindProperty]
    public PhaseStatus? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        var phase = Phase!;
        Goals = phase.Goals;
        StartsOn = phase.StartsOn is { } from ? DateText.Format(OrganisationClock.StoredDay(from)) : null;
        EndsOn = phase.EndsOn is { } to ? DateText.Format(OrganisationClock.StoredDay(to)) : null;
        Status = phase.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.TryGetValue(nameof(Status), out var bound) && bound.Errors.Count > 0)
        {
            bound.Errors.Clear();
            Status = null;
        }

        if (Status is not { } status || !Enum.IsDefined(status))
        {
            ModelState.AddModelError(nameof(Status), "Choose where this phase stands");
        }

        var from = Day(nameof(StartsOn), StartsOn, "The day it starts");
        var to = Day(nameof(EndsOn), EndsOn, "The day it ends");
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(EndsOn), "The day it ends must be the same as or after the day it starts");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var phase = Phase!;
        phase.Goals = string.IsNullOrWhiteSpace(Goals) ? null : PlainTextAttribute.Clean(Goals);
        phase.StartsOn = from is { } f ? OrganisationClock.Stored(f) : null;
        phase.EndsOn = to is { } t ? OrganisationClock.Stored(t) : null;
        phase.Status = Status!.Value;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Saved: {Name}.";
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = Project.Id }, "phases");
    }

    private DateOnly? Day(string key, string? typed, string called)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (DateText.Parse(typed) is not { } day || day.Year < 2000 || day.Year > 2100)
        {
            ModelState.AddModelError(key, $"{called} must be a real date, like 21/11/2026");
            return null;
        }

        return day;
    }

    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CoPhase>(PhaseKey, ignoreCase: true, out var key) || !Enum.IsDefined(key) || int.TryParse(PhaseKey, out _))
        {
            return false;
        }

        Phase = Project.Phases.SingleOrDefault(p => p.Phase == key);
        Name = (await PhaseNaming.ForAsync(db, cancellationToken))[key];
        return Phase is not null;
    }
}
