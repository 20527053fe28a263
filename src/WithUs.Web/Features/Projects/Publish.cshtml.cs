using WithUs.Web.Features.Projects.Published;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// Publish a project on the organisation's public pages, change what the public read, or stop publishing it. Staff
/// write the summary for the public and see, before they publish, exactly what anyone will read
/// (<see cref="PublishedProjects"/>): the same partial the public page shows. Each change is audited; the public pages'
/// cache is evicted by the save itself.
/// </summary>
public sealed class PublishModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [BindProperty]
    [Required(ErrorMessage = "Write a summary for the public, in plain words")]
    [StringLength(Project.PublicSummaryMaxLength, ErrorMessage = "The summary must be 1,000 characters or fewer")]
    [PlainText(ErrorMessage = "The summary can only have letters, numbers, spaces and punctuation")]
    public string? Summary { get; set; }

    /// <summary>What the public will read: with the summary saved, or as typed after "Check what the public will see".</summary>
    public PublishedProject Preview { get; private set; } = null!;

    /// <summary>The preview shows the summary as typed, not yet saved.</summary>
    public bool Previewing { get; private set; }

    /// <summary>Whether anyone can see the organisation's public pages at all (an administrator opens them in settings).</summary>
    public bool PagesOpen => Organisation.PublicPagesOpen;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Summary = Project.PublicSummary;
        Preview = await PublishedProjects.PreviewAsync(db, Project, Summary, cancellationToken);
    }

    /// <summary>Shows the summary as typed in the preview, and saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(cancellationToken);
        }

        Previewing = true;
        Preview = await PublishedProjects.PreviewAsync(db, Project, PlainTextAttribute.Clean(Summary), cancellationToken);
        return Page();
    }

    /// <summary>"Publish", or "Save changes" once it is published.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(cancellationToken);
        }

        var project = Project;
        var summary = PlainTextAttribute.Clean(Summary);
        var publishing = !project.IsPublished;
        var changed = project.PublicSummary != summary;
        if (publishing)
        {
            project.IsPublished = true;
            project.PublishedAtUtc = clock.UtcNow;
        }

        project.PublicSummary = summary;
        await db.SaveChangesAsync(cancellationToken);
        if (publishing)
        {
            await audit.RecordAsync("ProjectPublished", details: project.Title, cancellationToken: cancellationToken);
        }
        else if (changed)
        {
            await audit.RecordAsync("ProjectPublicSummaryChanged", details: project.Title, cancellationToken: cancellationToken);
        }

        Notice = (publishing ? "Published: anyone can read it on your public pages." : "Saved: the public page shows your changes.")
                 + (PagesOpen ? "" : " Your public pages are closed, so nobody can see it until an administrator opens them in settings.");
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = project.Id }, "published");
    }

    /// <summary>Takes it off the public pages at once. The summary is kept for when it is published again.</summary>
    public async Task<IActionResult> OnPostStopAsync(CancellationToken cancellationToken)
    {
        var project = Project;
        if (project.IsPublished)
        {
            project.IsPublished = false;
            project.PublishedAtUtc = null;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("ProjectUnpublished", details: project.Title, cancellationToken: cancellationToken);
        }

        Notice = "It is no longer on your public pages.";
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = project.Id }, "published");
    }

    /// <summary>400 with what was typed kept, and the preview as it stands (with the typed summary when it can be shown).</summary>
    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        var shown = Summary is not null && PlainTextAttribute.IsPlain(Summary) ? PlainTextAttribute.Clean(Summary) : Project.PublicSummary;
        Preview = await PublishedProjects.PreviewAsync(db, Project, shown, cancellationToken);
        return Invalid();
    }
}
