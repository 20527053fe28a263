namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// "Not the same thing? Let it stand on its own": undoes any link, made while capturing or from an offer. The
/// contribution stands alone again, with the outcome and told dates it had kept, and the pair is recorded as not the
/// same, so it is never offered again.
/// </summary>
public sealed class SeparateModel(WithUsDbContext db, AuditLog audit, TimeProvider clock, ICurrentActor actor,
    IEnumerable<IDirectWriteListener> listeners) : OrganisationPageModel
{
    public Contribution Item => RouteResource<Contribution>();

    public string? IdeaText { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // An idea that already stands alone shows that, rather than an error: the link may have been undone meanwhile.
        if (Item.LinkedToId is not { } ideaId)
        {
            return Page();
        }

        IdeaText = await db.Contributions.Where(c => c.Id == ideaId).Select(c => c.Text).SingleAsync(cancellationToken);
        return Page();
    }

    public bool HasWords => !string.IsNullOrWhiteSpace(Item.Text);

    public const string NoWords = "This only adds a voice, with no words of its own, so it cannot stand on its own.";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var item = Item;
        if (item.LinkedToId is not { } ideaId)
        {
            Notice = "It already stands on its own.";
            return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = item.Id });
        }

        if (!HasWords)
        {
            await OnGetAsync(cancellationToken);
            return Invalid(string.Empty, NoWords);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var separated = await db.Contributions.Where(c => c.Id == item.Id && c.LinkedToId == ideaId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, (Guid?)null), cancellationToken);
        if (separated == 1)
        {
            var (first, second) = SameIdeaOffer.Pair(item.Id, ideaId);
            var now = clock.GetUtcNow().UtcDateTime;
            var offer = await db.Set<SameIdeaOffer>().SingleOrDefaultAsync(o => o.FirstId == first && o.SecondId == second, cancellationToken);
            if (offer is null)
            {
                offer = new SameIdeaOffer { Id = Ids.New(), FirstId = first, SecondId = second, FoundAtUtc = now };
                db.Add(offer);
            }

            offer.Decision = SameIdeaDecision.NotTheSame;
            offer.DecidedByUserId = actor.UserId;
            offer.DecidedAtUtc = now;
            offer.KeptId = null;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAboutAsync("MadeToStandOnItsOwn", nameof(Contribution), item.Id,
                "No longer adds a voice to what it was linked to", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (separated == 1)
        {
            await listeners.WrittenAsync(item.OrganisationId, CancellationToken.None);
        }

        Notice = separated == 1 ? "It now stands on its own." : "It no longer adds a voice to what it was linked to.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = item.Id });
    }
}
