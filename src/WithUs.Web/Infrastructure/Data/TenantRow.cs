namespace WithUs.Web.Infrastructure.Data;

/// <summary>A tenant-owned row found across organisations: no more than where to find it.</summary>
public sealed record TenantRow(Guid Id, Guid OrganisationId);
