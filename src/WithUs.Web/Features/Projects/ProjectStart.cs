using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// Starting a project, from scratch or from what people said: the project, its four phases, and each chosen idea
/// made part of it (its outcome, what the people who said it will be told, and so its history and "owed a reply").
/// </summary>
public static class ProjectStart
{
    /// <summary>The first words the people who said it will be told, until staff write their own.</summary>
    public const string DefaultTellThem =
        "What you said is now part of one of our projects. We will work on it together with people who use our services, and tell you how it goes.";

    /// <summary>Adds the project and makes <paramref name="ideas"/> (tracked, each standing alone) part of it; the caller saves.</summary>
    public static Project Start(WithUsDbContext db, OrganisationClock clock, string title, string? purpose, Guid? themeId,
        IReadOnlyCollection<Contribution> ideas, string? tellThem, Guid? byUserId)
    {
        var project = new Project
        {
            Id = Ids.New(),
            Title = title,
            Purpose = purpose,
            ThemeId = themeId,
            CreatedByUserId = byUserId,
            CreatedAtUtc = clock.UtcNow,
        };
        project.Phases = ProjectPhase.ForNewProject(project.Id, clock.StoredToday);
        db.Add(project);
        AddIdeas(project, ideas, tellThem ?? DefaultTellThem, clock);
        return project;
    }

    /// <summary>Makes each idea part of the project, with what its people will be told; the caller saves.</summary>
    public static void AddIdeas(Project project, IEnumerable<Contribution> ideas, string tellThem, OrganisationClock clock)
    {
        foreach (var idea in ideas)
        {
            idea.ProjectId = project.Id;
            idea.Outcome = OutcomeStatus.PartOfProject;
            idea.NotPossibleReason = null;
            idea.OutcomeExplanation = tellThem;
            idea.OutcomeAtUtc = clock.UtcNow;
        }
    }
}
