using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.People;

public sealed class ReachBackIdeaModel(WithUsDbContext db, AuditLog audit, TimeProvider clock,
    SimilarContributions similar) : ReachBackPageModel(db, audit, clock, similar)
{
    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var ideaId = await IdeaOfAsync(contributionId, cancellationToken);
        if (ideaId is { } id && id != contributionId)
        {
            return RedirectToPage("/People/ReachBackIdea", new { org = Slug, contributionId = id });
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
        BackLink = Url.Page("/Voice/Details", new { org = Slug, contributionId = id })!;
        PageUrl = Url.Page("/People/ReachBackIdea", new { org = Slug, contributionId = id })!;
        return await List.ForIdeaAsync(id, cancellationToken);
    }

    protected override (Guid? ContributionId, Guid? ThemeId, string EntityType) Target(Guid id) => (id, null, "Contribution");
}
