using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects;

public static class ProjectsServices
{
    /// <summary>Projects: loaded from the route for their pages, and named for Voice's.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddRouteResource<Project>("projectId", q => q.Include(p => p.Phases));
        services.AddRouteResource<Boundary>("boundaryId");
        services.AddRouteResource<Team.ProjectMember>("teamMemberId");
        services.AddRouteResource<Meetings.Meeting>("meetingId");
        services.AddRouteResource<Decisions.Decision>("decisionId");
        services.AddRouteResource<Actions.ProjectAction>("actionId");
        services.AddScoped<IProjectTitles, ProjectTitles>();
        services.AddScoped<IPersonRowsMerge, Team.TeamMerge>();
        return services;
    }
}
