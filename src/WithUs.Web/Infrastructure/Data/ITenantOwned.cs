namespace WithUs.Web.Infrastructure.Data;

/// <summary>A row that belongs to exactly one organisation and must never be seen or changed from another.</summary>
public interface ITenantOwned
{
    Guid Id { get; }

    Guid OrganisationId { get; set; }
}
