using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Web.Features.People;

[Authorize(Policy = Policies.Staff)]
public sealed class ReachBackThemeModel(WithUsDbContext db, TenantContext tenant, AuditLog audit, TimeProvider clock,
    SimilarContributions similar) : ReachBackPageModel(db, tenant, audit, clock, similar)
{
    public Task<IActionResult> OnGetAsync(Guid themeId, CancellationToken cancellationToken) => ShowAsync(themeId, cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(Guid themeId, CancellationToken cancellationToken) => CsvAsync(themeId, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid themeId, CancellationToken cancellationToken) => RecordAsync(themeId, cancellationToken);

    protected override async Task<ReachBackPeople?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var name = await ThemeNameAsync(id, cancellationToken);
        if (name is null)
        {
            return null;
        }

        Title = "Theme: " + name;
        BackLink = $"/o/{Slug}/themes/{id}";
        PageUrl = $"/o/{Slug}/themes/{id}/reach-back";
        return await List.ForThemeAsync(id, cancellationToken);
    }

    protected override (Guid? ContributionId, Guid? ThemeId, string EntityType) Target(Guid id) => (null, id, "Theme");
}
