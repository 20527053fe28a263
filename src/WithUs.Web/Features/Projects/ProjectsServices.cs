using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Projects;

public static class ProjectsServices
{
    /// <summary>Projects: loaded from the route for their pages, named for Voice's, and meeting reminders by email.</summary>
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
        services.AddJob<Meetings.MeetingReminderJob>(Meetings.MeetingReminderJob.JobName, Meetings.MeetingReminderJob.Schedule);
        return services;
    }
}
