using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Infrastructure.Auditing;
using static WithUs.Tests.Features.Voice.SameIdea.SameIdeaSteps;

namespace WithUs.Tests.Features.Voice.SameIdea;

/// <summary>Voice/SameIdea/Separate: "Not the same thing? Let it stand on its own", from a "me too"'s page.</summary>
public sealed class SeparateTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Separate_AMeTooLinkedWhileCapturing_StandsAlone_KeepsItsOwnRecord_AndIsNeverOfferedAgain()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "A washing machine we can use", c =>
        {
            c.LinkedToId = idea.Id;
            c.Outcome = OutcomeStatus.Planned;
        });
        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/{meToo.Id}");
        var form = page.QuerySelector("#make-its-own-idea")!.Closest("form").ShouldNotBeNull();

        using var response = await staff.Client.PostFormAsync(form.GetAttribute("action")!, form.Fields());

        response.Location().ShouldBe($"{staff.Org}/voice/{meToo.Id}");
        var separated = await ContributionAsync(app, staff.Organisation, meToo.Id);
        (separated.LinkedToId, separated.Outcome, separated.Text).ShouldBe((null, OutcomeStatus.Planned, "A washing machine we can use"));
        var pair = (await OffersAsync(app, staff.Organisation)).ShouldHaveSingleItem();
        (pair.FirstId, pair.SecondId, pair.Decision).ShouldBe((SameIdeaOffer.Pair(idea.Id, meToo.Id).First, SameIdeaOffer.Pair(idea.Id, meToo.Id).Second, SameIdeaDecision.NotTheSame));
        var audit = (await app.AuditEntriesAsync("MadeToStandOnItsOwn")).Where(e => e.OrganisationId == staff.Organisation.Id).ShouldHaveSingleItem();
        audit.EntityId.ShouldBe(meToo.Id.ToString());
        AuditDescriptions.Describe(audit.Action, audit.EntityType, audit.Details, new Dictionary<Guid, string>())
            .ShouldBe(("Contribution: made to stand on its own", "No longer adds a voice to what it was linked to"), "no id read as an unknown person");
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/{meToo.Id}")).QuerySelector("#make-its-own-idea").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Separate_AfterLinkingFromAnOffer_UndoesTheLink()
    {
        using var staff = await app.SignedInAsync();
        var a = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var b = await app.CreateContributionAsync(staff.Organisation, "Weekends are the longest days when everything is shut");
        var offerId = await app.CreateSameIdeaOfferAsync(staff.Organisation, a.Id, b.Id);
        var offerPage = await staff.Client.GetPageAsync($"{staff.Org}/voice/same-idea/{offerId}");
        using (var linked = await staff.Client.PostFormAsync($"{staff.Org}/voice/same-idea/{offerId}",
                   [new(Html.AntiforgeryField, offerPage.AntiforgeryToken()), new("keep", a.Id.ToString())]))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await staff.PostPageAsync($"{staff.Org}/voice/{b.Id}/separate", []);

        response.Location().ShouldBe($"{staff.Org}/voice/{b.Id}");
        (await ContributionAsync(app, staff.Organisation, b.Id)).LinkedToId.ShouldBeNull();
        (await OffersAsync(app, staff.Organisation)).ShouldHaveSingleItem().Decision.ShouldBe(SameIdeaDecision.NotTheSame);
    }

    [DatabaseFact]
    public async Task AMeTooWithNoWordsOfItsOwn_CannotBeMadeAnIdea()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "", c => c.LinkedToId = idea.Id);

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/{meToo.Id}");
        page.QuerySelector("#make-its-own-idea").ShouldBeNull();
        using var response = await staff.Client.PostFormAsync($"{staff.Org}/voice/{meToo.Id}/separate", [new(Html.AntiforgeryField, page.AntiforgeryToken())]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([SeparateModel.NoWords]);
        (await ContributionAsync(app, staff.Organisation, meToo.Id)).LinkedToId.ShouldBe(idea.Id);
    }

    [DatabaseFact]
    public async Task APartner_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        using var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var idea = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Weekends please", c => c.LinkedToId = idea.Id);
        var token = (await partner.Client.GetPageAsync(staff.Org)).AntiforgeryToken();

        using var post = await partner.Client.PostFormAsync($"{staff.Org}/voice/{meToo.Id}/separate", [new(Html.AntiforgeryField, token)]);

        post.ShouldBeRefused();
        (await ContributionAsync(app, staff.Organisation, meToo.Id)).LinkedToId.ShouldBe(idea.Id);
    }
}
