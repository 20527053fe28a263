namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>Authorisation by the role a person has in the organisation named in the route.</summary>
public static class Policies
{
    public const string Member = nameof(Member);
    public const string Staff = nameof(Staff);
    public const string Administrator = nameof(Administrator);

    public static string For(OrganisationRole minimum) => minimum switch
    {
        OrganisationRole.Partner => Member,
        OrganisationRole.Staff => Staff,
        OrganisationRole.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "No policy for this role"),
    };

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRoleRequirement(OrganisationRole.Partner)));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRoleRequirement(OrganisationRole.Staff)));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationRoleRequirement(OrganisationRole.Administrator)));

        // Closed by default everywhere: a page or endpoint that says nothing needs a signed-in person. Pages anyone may
        // open say [AllowAnonymous]; pages under /o/{org} get their role from OrganisationPageConvention.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}

public sealed record OrganisationRoleRequirement(OrganisationRole Minimum) : IAuthorizationRequirement;

public sealed class OrganisationRoleHandler(TenantContext tenant) : AuthorizationHandler<OrganisationRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganisationRoleRequirement requirement)
    {
        if (tenant.IsAtLeast(requirement.Minimum))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
