using WithUs.Web.Features.Themes;

namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// One offer of two ideas that look like the same one: link them, keeping one's words, or say they are not the same.
/// Linking makes the other idea a "me too" of the kept one, in one transaction: its "me too"s follow it, its themes
/// are added to the kept one, interest registered in it moves (a person interested in both keeps one), and its own
/// outcome and told dates stay on its record. Two staff deciding at once: the first decision stands.
/// </summary>
public sealed class OfferModel(WithUsDbContext db, AuditLog audit, TimeProvider clock, ICurrentActor actor) : OrganisationPageModel
{
    private SameIdeaOffer Offer => RouteResource<SameIdeaOffer>();

    /// <summary>The offer if still open, else null (<see cref="Decision"/> says why).</summary>
    public OpenOffer? Open { get; private set; }

    public SameIdeaDecision Decision => Offer.Decision;

    public Guid FirstId => Offer.FirstId;

    public Guid SecondId => Offer.SecondId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Open = (await OpenOffers.ListAsync(db, 1, offerId: Offer.Id, cancellationToken: cancellationToken)).SingleOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid keep, CancellationToken cancellationToken)
    {
        var offer = Offer;
        if (keep != offer.FirstId && keep != offer.SecondId)
        {
            ModelState.AddModelError("keep", "Choose whose words to keep");
            await OnGetAsync(cancellationToken);
            return Invalid();
        }

        var other = offer.Other(keep);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The offer is claimed first, by a write, so a second decision at the same moment waits for this one and then
        // finds it taken; the two ideas are then held (in the same order by every request) and must still stand alone.
        var claimed = await db.Set<SameIdeaOffer>()
            .Where(o => o.Id == offer.Id && o.Decision == SameIdeaDecision.Offered)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Decision, SameIdeaDecision.Linked)
                .SetProperty(o => o.DecidedByUserId, actor.UserId)
                .SetProperty(o => o.DecidedAtUtc, now)
                .SetProperty(o => o.KeptId, keep), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            Notice = "Someone has already decided about these two.";
            return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = keep });
        }

        foreach (var id in new[] { offer.FirstId, offer.SecondId })
        {
            var standing = await db.Contributions.Where(c => c.Id == id && c.LinkedToId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, (Guid?)null), cancellationToken);
            if (standing == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                Notice = "One of these two now adds a voice to another idea, so they were not linked.";
                return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = keep });
            }
        }

        var moving = await db.Contributions.Where(c => c.Id == other || c.LinkedToId == other).ToListAsync(cancellationToken);
        foreach (var contribution in moving)
        {
            contribution.LinkedToId = keep;
        }

        var keptThemes = await db.ContributionThemes.Where(t => t.ContributionId == keep).Select(t => t.ThemeId).ToListAsync(cancellationToken);
        var otherThemes = await db.ContributionThemes.Where(t => t.ContributionId == other).Select(t => t.ThemeId).ToListAsync(cancellationToken);
        foreach (var theme in otherThemes.Except(keptThemes))
        {
            db.ContributionThemes.Add(new ContributionTheme { Id = Ids.New(), ContributionId = keep, ThemeId = theme });
        }

        var keptInterest = await db.Interests.Where(i => i.ContributionId == keep).Select(i => i.PersonId).ToListAsync(cancellationToken);
        var otherInterest = await db.Interests.Where(i => i.ContributionId == other).ToListAsync(cancellationToken);
        foreach (var interest in otherInterest)
        {
            if (keptInterest.Contains(interest.PersonId))
            {
                db.Interests.Remove(interest);
            }
            else
            {
                interest.ContributionId = keep;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAboutAsync("LinkedAsTheSameIdea", nameof(Contribution), keep,
            // Ids in the details would be read as people's (the log names users by id): the kept idea is the entry's record.
            $"Another idea linked to it as the same idea: {Count(moving.Count, "contribution")} moved, " +
            $"{Count(otherThemes.Except(keptThemes).Count(), "theme")} added, {Count(otherInterest.Count, "interest")} moved or merged",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var voices = (await VoiceCounts.ForAsync(db, [keep], cancellationToken)).GetValueOrDefault(keep, 1);
        Notice = $"Linked as the same idea: it now has {voices} {(voices == 1 ? "voice" : "voices")}.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = keep });
    }

    public async Task<IActionResult> OnPostNotTheSameAsync(Guid? shownOn, CancellationToken cancellationToken)
    {
        var offer = Offer;
        var decided = await db.Set<SameIdeaOffer>()
            .Where(o => o.Id == offer.Id && o.Decision == SameIdeaDecision.Offered)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Decision, SameIdeaDecision.NotTheSame)
                .SetProperty(o => o.DecidedByUserId, actor.UserId)
                .SetProperty(o => o.DecidedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (decided == 1)
        {
            await audit.RecordAboutAsync("MarkedNotTheSameIdea", nameof(Contribution), offer.FirstId,
                "Not the same idea as the other one offered: they will not be offered together again", cancellationToken);
        }

        Notice = decided == 1
            ? "They stay separate ideas, and will not be offered together again."
            : "Someone has already decided about these two.";
        return shownOn is { } ideaId && (ideaId == offer.FirstId || ideaId == offer.SecondId)
            ? RedirectToPage("/Voice/Details", new { org = Slug, contributionId = ideaId })
            : RedirectToPage("/Organisations/Index", new { org = Slug });
    }

    private static string Count(int n, string thing) => $"{n} {thing}{(n == 1 ? "" : "s")}";
}
