using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Voice.MyVoice;

/// <summary>
/// A partner's own record: everything they have said here (including "me too"s) and what happened to each. Only
/// what is theirs: the contributions of the person linked to their own account, never anyone else's.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class IndexModel(WithUsDbContext db, IProjectTitles projects) : OrganisationPageModel
{
    public const int PageSize = 20;

    public string OrganisationName => Organisation.Name;

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public IReadOnlyList<Row> Said { get; private set; } = [];

    /// <summary>Each idea's outcomes on this page, oldest first: what became of it, step by step.</summary>
    public ILookup<Guid, ContributionOutcome> History { get; private set; } = Array.Empty<ContributionOutcome>().ToLookup(o => o.ContributionId);

    /// <summary>The names of the projects those outcomes name.</summary>
    public IReadOnlyDictionary<Guid, string> ProjectTitles { get; private set; } = new Dictionary<Guid, string>();

    /// <remarks>From the query string only: in Razor Pages the route value "page" is the page's own path.</remarks>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var userId = CurrentUser.Id(User)!.Value;
        var rows = await db.Contributions.AsNoTracking()
            .Where(c => c.Person != null && c.Person.UserId == userId)
            .OrderByDescending(c => c.CreatedAtUtc)
            .ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(c => new Row(
                c.Id,
                c.Text,
                c.Kind,
                c.SaidOnUtc,
                c.LinkedToId != null,
                // Someone else's idea is shown only in the words staff published for everyone, if they did.
                c.LinkedTo != null && c.LinkedTo.IsPublished ? c.LinkedTo.PublicSummary : null,
                c.LinkedTo != null ? c.LinkedTo.Outcome : c.Outcome,
                c.LinkedTo != null ? c.LinkedTo.NotPossibleReason : c.NotPossibleReason,
                c.LinkedTo != null ? c.LinkedTo.OutcomeExplanation : c.OutcomeExplanation,
                c.ToldAtUtc,
                c.ToldHow,
                c.ToldOutcome,
                c.LinkedToId ?? c.Id))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Said = rows.Take(PageSize).ToList();

        var ideaIds = Said.Select(r => r.IdeaId).Distinct().ToList();
        History = (await db.Set<ContributionOutcome>().AsNoTracking().Where(o => ideaIds.Contains(o.ContributionId))
                .OrderBy(o => o.AtUtc).ThenBy(o => o.Id).ToListAsync(cancellationToken))
            .ToLookup(o => o.ContributionId);
        ProjectTitles = await projects.ForAsync(History.SelectMany(h => h).Select(o => o.ProjectId).OfType<Guid>().Distinct().ToList(), cancellationToken);
    }

    public sealed record Row(
        Guid Id,
        string Text,
        ContributionKind Kind,
        DateTime SaidOnUtc,
        bool IsMeToo,
        string? AgreedWith,
        OutcomeStatus Outcome,
        NotPossibleReason? Reason,
        string? Explanation,
        DateTime? ToldAtUtc,
        TellingMethod? ToldHow,
        OutcomeStatus? ToldOutcome,
        Guid IdeaId)
    {
        /// <summary>Whether we told them, and whether what we told them is still the news.</summary>
        public string Told(OrganisationClock clock) => (ToldAtUtc, Outcome) switch
        {
            (null, OutcomeStatus.New) => "Nothing to tell you yet.",
            (null, _) => "We have not told you about this yet.",
            ({ } at, _) when ToldOutcome is { } told && told != Outcome =>
                $"We told you on {clock.Date(at)}. Things have changed since then, so we will tell you again.",
            ({ } at, _) => ToldHow is { } how
                ? $"We told you on {clock.Date(at)} ({how.DisplayName().ToLowerInvariant()})."
                : $"We told you on {clock.Date(at)}.",
        };
    }
}
