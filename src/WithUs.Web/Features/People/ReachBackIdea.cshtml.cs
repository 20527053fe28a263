using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Web.Features.People;

[Authorize(Policy = Policies.Staff)]
public sealed class ReachBackIdeaModel(WithUsDbContext db, TenantContext tenant, AuditLog audit, TimeProvider clock,
    SimilarContributions similar) : ReachBackPageModel(db, tenant, audit, clock, similar)
{
    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var ideaId = await IdeaOfAsync(contributionId, cancellationToken);
        if (ideaId is { } id && id != contributionId)
        {
            return Redirect($"/o/{Slug}/voice/{id}/reach-back");
        }

        return await ShowAsync(contributionId, cancellationToken);
    }

    public Task<IActionResult> OnGetCsvAsync(Guid contributionId, CancellationToken cancellationToken) =>
        CsvAsync(contributionId, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken cancellationToken) =>
        RecordAsync(contributionId, cancellationToken);

    protected override async Task<ReachBackPeople?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var text = await IdeaTextAsync(id, cancellationToken);
        if (text is null)
        {
            return null;
        }

        Title = text;
        BackLink = $"/o/{Slug}/voice/{id}";
        PageUrl = $"/o/{Slug}/voice/{id}/reach-back";
        return await List.ForIdeaAsync(id, cancellationToken);
    }

    protected override (Guid? ContributionId, Guid? ThemeId, string EntityType) Target(Guid id) => (id, null, "Contribution");
}
