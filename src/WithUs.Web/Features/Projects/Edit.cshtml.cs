namespace WithUs.Web.Features.Projects;

/// <summary>Change a project's name and what it is for.</summary>
public sealed class EditModel(WithUsDbContext db) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public void OnGet() => Input = new ProjectInput { Title = Project.Title, Purpose = Project.Purpose };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await ProjectInput.TitleTakenAsync(db, Input.CleanTitle, Project.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.Title", ProjectInput.TitleTakenMessage(Input.CleanTitle));
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Project.Title = Input.CleanTitle;
        Project.Purpose = Input.CleanPurpose;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Invalid("Input.Title", ProjectInput.TitleTakenMessage(Input.CleanTitle));
        }

        Notice = "Saved.";
        return RedirectToPage("/Projects/Project", new { org = Slug, projectId = Project.Id });
    }
}
