using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects;

/// <summary>Say one thing that is open for the group to decide, or fixed and why.</summary>
public sealed class BoundaryNewModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [BindProperty]
    public BoundaryInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Check(ModelState, whyRequired: false);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var boundary = Input.ToBoundary(Project.Id, clock.UtcNow, CurrentUser.Id(User), replacesId: null);
        db.Add(boundary);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Added: {boundary.Text}.";
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = Project.Id }, "boundaries");
    }
}
