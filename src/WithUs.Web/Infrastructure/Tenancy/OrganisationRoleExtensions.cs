namespace WithUs.Web.Infrastructure.Tenancy;

public static class OrganisationRoleExtensions
{
    public static string DisplayName(this OrganisationRole role) => role switch
    {
        OrganisationRole.Administrator => "Administrator",
        OrganisationRole.Staff => "Staff",
        _ => "Partner",
    };

    public static string Description(this OrganisationRole role) => role switch
    {
        OrganisationRole.Administrator => "Runs the organisation's WithUs: settings, team and roles, exports",
        OrganisationRole.Staff => "Records what people say, runs projects and reports",
        _ => "Someone with lived experience who works with the organisation; sees what happened to what they said",
    };
}
