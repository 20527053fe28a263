using WithUs.Web.Features.Members;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.People;

public static class PeopleServices
{
    /// <summary>People: the people we hear from, loaded from the route for their pages.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddRouteResource<Person>("personId")
            .AddScoped<IInvitationAccepted, LinkTheInvitedPerson>()
            .AddScoped<EqualityMonitoring>()
            .AddScoped<PersonErasure>()
            .AddScoped<PeopleMerge>();
        services.AddJob<ResealJob>(ResealJob.JobName, ResealJob.Schedule);
        services.AddJob<RetentionJob>(RetentionJob.JobName, RetentionJob.Schedule);
        return services;
    }
}
