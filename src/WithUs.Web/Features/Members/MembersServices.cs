namespace WithUs.Web.Features.Members;

public static class MembersServices
{
    /// <summary>Team and roles: a membership, with its account, loaded from the route for its pages.</summary>
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddRouteResource<Membership>("membershipId", q => q.Include(m => m.User));
}
