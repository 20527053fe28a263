using Microsoft.AspNetCore.Mvc.Testing;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Voice;

namespace WithUs.Testing;

/// <summary>Projects for the state a test starts from, saved through the app's own context.</summary>
public static class ProjectData
{
    /// <summary>A project with its four phases (the first under way); <paramref name="ideaIds"/> become part of it.</summary>
    public static Task<Project> CreateProjectAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        string? title = null, params Guid[] ideaIds) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var now = DateTime.UtcNow;
            var project = new Project { Id = Guid.CreateVersion7(), Title = title ?? TestData.Unique("Project"), CreatedAtUtc = now };
            project.Phases = ProjectPhase.ForNewProject(project.Id, now.Date);
            db.Add(project);
            foreach (var idea in await db.Contributions.Where(c => ideaIds.Contains(c.Id)).ToListAsync())
            {
                idea.ProjectId = project.Id;
                idea.Outcome = OutcomeStatus.PartOfProject;
                idea.OutcomeExplanation = "It is part of a project now.";
                idea.OutcomeAtUtc = now;
            }

            await db.SaveChangesAsync();
            return project;
        });

    /// <summary>One thing open or fixed about a project, standing now.</summary>
    public static Task<Boundary> AddBoundaryAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        BoundaryKind kind = BoundaryKind.Open, string? text = null, BoundaryReason? reason = null, string? why = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var boundary = new Boundary
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                Kind = kind,
                Text = text ?? TestData.Unique("Boundary"),
                Reason = kind == BoundaryKind.Fixed ? reason ?? BoundaryReason.Budget : null,
                ReasonText = kind == BoundaryKind.Fixed ? why ?? "The grant covers one day." : null,
                AddedAtUtc = DateTime.UtcNow,
            };
            db.Add(boundary);
            await db.SaveChangesAsync();
            return boundary;
        });
}
