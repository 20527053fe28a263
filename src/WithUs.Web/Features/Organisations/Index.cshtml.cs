using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using WithUs.Web.Features.Members;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;
using WithUs.Web.Infrastructure.Ui;

namespace WithUs.Web.Features.Organisations;

[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(WithUsDbContext db, TenantContext tenant) : WithUsPageModel
{
    public string OrganisationName => tenant.Organisation!.Name;

    public string Slug => tenant.Organisation!.Slug;

    public OrganisationRole? Role => tenant.Role;

    public int MemberCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        MemberCount = await db.Memberships.CountAsync(cancellationToken);
}
