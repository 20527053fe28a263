namespace WithUs.Web.Features.Members;

/// <summary>Every organisation keeps at least one administrator, so it can never lock itself out.</summary>
public static class LastAdministrator
{
    public static async Task<bool> IsOnlyAdministratorAsync(WithUsDbContext db, Membership membership, CancellationToken cancellationToken) =>
        membership.Role == OrganisationRole.Administrator
        && !await db.Memberships.AnyAsync(
            m => m.Role == OrganisationRole.Administrator && m.Id != membership.Id, cancellationToken);
}
