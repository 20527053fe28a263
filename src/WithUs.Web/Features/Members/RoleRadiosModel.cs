namespace WithUs.Web.Features.Members;

public sealed record RoleRadiosModel(string Name, OrganisationRole? Selected, string? Error, string Legend);
