namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>What a person may do in one organisation; each role may do all that the one before it may.</summary>
public enum OrganisationRole
{
    Partner = 0,
    Staff = 1,
    Administrator = 2,
}
