namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>
/// The organisation the current request acts in, resolved once from the route (/o/{org}/...).
/// Scoped per request. Every tenant-owned read and write is limited to it.
/// </summary>
public sealed class TenantContext
{
    public Organisation? Organisation { get; private set; }

    public OrganisationRole? Role { get; private set; }

    public Guid? OrganisationId => Organisation?.Id;

    public Guid RequiredOrganisationId =>
        Organisation?.Id ?? throw new InvalidOperationException("No organisation has been resolved for this request.");

    public void Set(Organisation organisation, OrganisationRole? role)
    {
        if (Organisation is not null && Organisation.Id != organisation.Id)
        {
            throw new InvalidOperationException("The organisation for this scope is already set to another organisation.");
        }

        Organisation = organisation;
        Role = role;
    }

    /// <summary>Forget the organisation, so nothing of it (not even its name) reaches a "not found" answer.</summary>
    public void Clear()
    {
        Organisation = null;
        Role = null;
    }

    public bool IsAtLeast(OrganisationRole role) => Role is { } r && r >= role;
}
