namespace WithUs.Web.Features.People;

/// <summary>The ways people are involved here, with how many hold each now; administrators rename and add them.</summary>
public sealed class RolesModel(WithUsDbContext db) : OrganisationPageModel
{
    public IReadOnlyList<Row> Roles { get; private set; } = [];

    public bool CanChange => Role >= OrganisationRole.Administrator;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Roles = await db.InvolvementRoles.AsNoTracking()
            .OrderBy(r => r.Position).ThenBy(r => r.Name)
            .Select(r => new Row(r.Id, r.Name,
                db.PersonRoles.Where(h => h.RoleId == r.Id && h.EndedOn == null).Select(h => h.PersonId).Distinct().Count()))
            .ToListAsync(cancellationToken);

    public sealed record Row(Guid Id, string Name, int HeldNow);
}
