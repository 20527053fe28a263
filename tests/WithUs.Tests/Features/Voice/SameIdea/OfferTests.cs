using AngleSharp.Html.Dom;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Infrastructure.Auditing;
using static WithUs.Tests.Features.Voice.SameIdea.SameIdeaSteps;

namespace WithUs.Tests.Features.Voice.SameIdea;

/// <summary>Voice/SameIdea/Offer: linking two ideas that look like the same one, or saying they are not.</summary>
public sealed class OfferTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Link_KeepsTheChosenWords_AndBringsVoicesThemesAndInterestTogether_InOneAuditedStep()
    {
        using var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        var (ann, bob, cath) = (await app.CreatePersonAsync(org, "Ann"), await app.CreatePersonAsync(org, "Bob"), await app.CreatePersonAsync(org, "Cath"));
        var kept = await app.CreateContributionAsync(org, "Could the drop-in open on Saturdays?", c => c.PersonId = ann.Id);
        var told = DateTime.UtcNow.Date.AddDays(-3);
        var other = await app.CreateContributionAsync(org, "Weekends are the longest days when everything is shut", c =>
        {
            c.PersonId = bob.Id;
            c.Outcome = OutcomeStatus.BeingConsidered;
            c.OutcomeAtUtc = told.AddDays(-1);
            c.ToldAtUtc = told;
            c.ToldOutcome = OutcomeStatus.BeingConsidered;
        });
        var meToo = await app.CreateContributionAsync(org, "Me too", c => { c.PersonId = cath.Id; c.LinkedToId = other.Id; });
        var food = await app.CreateThemeAsync(org, "Food");
        var weekends = await app.CreateThemeAsync(org, "Weekends");
        await app.AddThemeAsync(org, kept.Id, food.Id);
        await app.AddThemeAsync(org, other.Id, food.Id);
        await app.AddThemeAsync(org, other.Id, weekends.Id);
        await app.InOrganisationAsync(org, async db =>
        {
            db.Interests.AddRange(
                new Interest { Id = Guid.CreateVersion7(), PersonId = ann.Id, ContributionId = kept.Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow },
                new Interest { Id = Guid.CreateVersion7(), PersonId = ann.Id, ContributionId = other.Id, Kind = InterestKind.WantsToHear, CreatedAtUtc = DateTime.UtcNow },
                new Interest { Id = Guid.CreateVersion7(), PersonId = bob.Id, ContributionId = other.Id, Kind = InterestKind.WantsToHear, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var offerId = await app.CreateSameIdeaOfferAsync(org, kept.Id, other.Id);

        using var response = await LinkAsync(staff, offerId, keep: kept.Id);

        response.Location().ShouldBe($"{staff.Org}/voice/{kept.Id}");
        (await ContributionAsync(app, org, other.Id)).LinkedToId.ShouldBe(kept.Id);
        (await ContributionAsync(app, org, meToo.Id)).LinkedToId.ShouldBe(kept.Id, "its voices follow it");
        (await ContributionAsync(app, org, kept.Id)).LinkedToId.ShouldBeNull();
        var otherNow = await ContributionAsync(app, org, other.Id);
        (otherNow.Outcome, otherNow.ToldAtUtc, otherNow.ToldOutcome).ShouldBe((OutcomeStatus.BeingConsidered, (DateTime?)told, (OutcomeStatus?)OutcomeStatus.BeingConsidered),
            "its own outcome and told date stay on its record");
        await app.InOrganisationAsync(org, async db =>
        {
            (await db.ContributionThemes.Where(t => t.ContributionId == kept.Id).Select(t => t.ThemeId).ToListAsync())
                .ShouldBe([food.Id, weekends.Id], ignoreOrder: true);
            var interests = await db.Interests.AsNoTracking().ToListAsync();
            interests.ShouldAllBe(i => i.ContributionId == kept.Id);
            interests.Select(i => (i.PersonId, i.Kind)).ShouldBe([(ann.Id, InterestKind.WouldTakePart), (bob.Id, InterestKind.WantsToHear)], ignoreOrder: true);
        });
        var offer = (await OffersAsync(app, org)).ShouldHaveSingleItem();
        (offer.Decision, offer.KeptId, offer.DecidedByUserId).ShouldBe((SameIdeaDecision.Linked, (Guid?)kept.Id, (Guid?)staff.User.Id));
        var audit = (await app.AuditEntriesAsync("LinkedAsTheSameIdea")).Where(e => e.OrganisationId == org.Id).ShouldHaveSingleItem();
        (audit.EntityId, audit.ActorUserId).ShouldBe((kept.Id.ToString(), (Guid?)staff.User.Id));
        AuditDescriptions.Describe(audit.Action, audit.EntityType, audit.Details, new Dictionary<Guid, string>())
            .ShouldBe(("Contribution: linked as the same idea", "Another idea linked to it as the same idea: 2 contributions moved, 1 theme added, 2 interests moved or merged"));

        var idea = await staff.Client.GetPageAsync($"{staff.Org}/voice/{kept.Id}");
        idea.QuerySelector(".govuk-notification-banner__heading")!.TextContent.ShouldBe("Linked as the same idea: it now has 3 voices.");
        idea.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain("Voices (3)");
    }

    [DatabaseFact]
    public async Task Link_ByTwoStaffAtOnce_LinksOnce_AndLeavesOneIdeaWithEveryVoice()
    {
        using var staff = await app.SignedInAsync();
        using var colleague = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Staff);
        var org = staff.Organisation;
        var a = await app.CreateContributionAsync(org, "Could the drop-in open on Saturdays?");
        var b = await app.CreateContributionAsync(org, "Weekends are the longest days when everything is shut");
        await app.CreateContributionAsync(org, "Saturdays please", c => c.LinkedToId = a.Id);
        await app.CreateContributionAsync(org, "Yes, weekends", c => c.LinkedToId = b.Id);
        var offerId = await app.CreateSameIdeaOfferAsync(org, a.Id, b.Id);
        var pages = await Task.WhenAll(staff.Client.GetPageAsync(Url(staff, offerId)), colleague.Client.GetPageAsync(Url(colleague, offerId)));

        // Each keeps different words, as two people deciding at once might.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? Submit(staff, pages[0], offerId, keep: a.Id)
            : Submit(colleague, pages[1], offerId, keep: b.Id)));

        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        await app.InOrganisationAsync(org, async db =>
        {
            var all = await db.Contributions.AsNoTracking().ToListAsync();
            var roots = all.Where(c => c.LinkedToId == null).ToList();
            roots.Count.ShouldBe(1, "one idea stands, the other adds its voice to it");
            all.Where(c => c.LinkedToId != null).ShouldAllBe(c => c.LinkedToId == roots[0].Id, "no voice points at a voice");
        });
        (await OffersAsync(app, org)).ShouldHaveSingleItem().Decision.ShouldBe(SameIdeaDecision.Linked);
        (await app.AuditEntriesAsync("LinkedAsTheSameIdea")).Count(e => e.OrganisationId == org.Id).ShouldBe(1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [DatabaseFact]
    public async Task Link_KeepingWordsOfNeitherIdea_IsRefusedWith400_AndChangesNothing()
    {
        using var staff = await app.SignedInAsync();
        var a = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var b = await app.CreateContributionAsync(staff.Organisation, "Weekends are the longest days when everything is shut");
        var offerId = await app.CreateSameIdeaOfferAsync(staff.Organisation, a.Id, b.Id);

        using var response = await LinkAsync(staff, offerId, keep: Guid.CreateVersion7());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose whose words to keep"]);
        (await OffersAsync(app, staff.Organisation)).ShouldHaveSingleItem().Decision.ShouldBe(SameIdeaDecision.Offered);
    }

    [DatabaseFact]
    public async Task NotTheSame_ClosesTheOfferForGood_FromTheIdeasPage_AndIsAudited()
    {
        using var staff = await app.SignedInAsync();
        var a = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var b = await app.CreateContributionAsync(staff.Organisation, "Weekends are the longest days when everything is shut");
        var offerId = await app.CreateSameIdeaOfferAsync(staff.Organisation, a.Id, b.Id);
        var ideaPage = await staff.Client.GetPageAsync($"{staff.Org}/voice/{a.Id}");
        var offer = ideaPage.QuerySelector($"#same-idea-{offerId}").ShouldNotBeNull("the offer is shown on the idea's page");
        offer.TextContent.ShouldContain("Weekends are the longest days");
        var form = offer.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains("handler=NotTheSame", StringComparison.Ordinal));

        using var response = await staff.Client.PostFormAsync(form.GetAttribute("action")!, form.Fields());

        response.Location().ShouldBe($"{staff.Org}/voice/{a.Id}");
        var decided = (await OffersAsync(app, staff.Organisation)).ShouldHaveSingleItem();
        (decided.Decision, decided.DecidedByUserId).ShouldBe((SameIdeaDecision.NotTheSame, (Guid?)staff.User.Id));
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/{a.Id}")).QuerySelector($"#same-idea-{offerId}").ShouldBeNull();
        (await app.AuditEntriesAsync("MarkedNotTheSameIdea")).Count(e => e.OrganisationId == staff.Organisation.Id).ShouldBe(1);
        (await app.InScopeAsync(services =>
        {
            services.GetRequiredService<TenantContext>().Set(staff.Organisation.ToEntity(), null);
            return services.GetRequiredService<SameIdeaFinder>().RecordAsync(a.Id, b.Id, 3.0, CancellationToken.None);
        })).ShouldBeFalse("a pair dismissed is never offered again");
    }

    [DatabaseFact]
    public async Task APartner_CannotSeeOrDecideAnOffer()
    {
        using var staff = await app.SignedInAsync();
        using var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var a = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var b = await app.CreateContributionAsync(staff.Organisation, "Weekends are the longest days when everything is shut");
        var offerId = await app.CreateSameIdeaOfferAsync(staff.Organisation, a.Id, b.Id);
        var token = (await partner.Client.GetPageAsync(staff.Org)).AntiforgeryToken();

        using var page = await partner.Client.GetAsync(new Uri(Url(partner, offerId), UriKind.Relative));
        using var post = await partner.Client.PostFormAsync(Url(partner, offerId), [new(Html.AntiforgeryField, token), new("keep", a.Id.ToString())]);

        page.ShouldBeRefused();
        post.ShouldBeRefused();
        (await OffersAsync(app, staff.Organisation)).ShouldHaveSingleItem().Decision.ShouldBe(SameIdeaDecision.Offered);
    }

    private static string Url(SignedIn who, Guid offerId) => $"{who.Org}/voice/same-idea/{offerId}";

    private static async Task<HttpResponseMessage> LinkAsync(SignedIn who, Guid offerId, Guid keep) =>
        await Submit(who, await who.Client.GetPageAsync(Url(who, offerId)), offerId, keep);

    private static Task<HttpResponseMessage> Submit(SignedIn who, IHtmlDocument page, Guid offerId, Guid keep) =>
        who.Client.PostFormAsync(Url(who, offerId), [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("keep", keep.ToString())]);
}
