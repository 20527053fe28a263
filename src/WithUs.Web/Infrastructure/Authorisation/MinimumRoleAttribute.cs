namespace WithUs.Web.Infrastructure.Authorisation;

/// <summary>
/// Who may open a page under /o/{org}. A page without it is for staff and administrators: a partner-facing page
/// says so here, in plain sight, and an administrator-only page raises the bar. Nothing else grants access.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class MinimumRoleAttribute(OrganisationRole role) : Attribute
{
    public OrganisationRole Role { get; } = role;
}
