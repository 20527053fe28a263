using WithUs.Tests.Features.Public;
using static WithUs.Tests.Features.Voice.MyVoice.MyVoiceSteps;

namespace WithUs.Tests.Features.Voice.MyVoice;

/// <summary>Voice/MyVoice/Index: what a partner has said and what happened to it.</summary>
public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task MyVoice_ShowsEachOutcomeAndWhetherTheyWereTold_IncludingMeToos()
    {
        var partner = await SignedInPartnerAsync(app);
        var organisation = partner.Organisation;
        var me = await app.CreatePersonAsync(organisation, name: "Me", userId: partner.User.Id);
        var someoneElse = await app.CreatePersonAsync(organisation, name: "Zebedee Someone-Else");
        await app.CreateContributionAsync(organisation, "Cheaper bus passes", c =>
        {
            c.PersonId = me.Id;
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeExplanation = "Passes are now half price.";
            c.ToldAtUtc = new DateTime(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
            c.ToldHow = TellingMethod.Phone;
            c.ToldOutcome = OutcomeStatus.Done;
        });
        await app.CreateContributionAsync(organisation, "Open on Saturdays", c =>
        {
            c.PersonId = me.Id;
            c.Outcome = OutcomeStatus.Planned;
            c.ToldAtUtc = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc);
            c.ToldOutcome = OutcomeStatus.BeingConsidered;
        });
        var published = await app.CreatePublishedIdeaAsync(organisation, "Zebedee's own words about the garden", "A community garden",
            OutcomeStatus.NotPossible, c =>
            {
                c.PersonId = someoneElse.Id;
                c.NotPossibleReason = NotPossibleReason.OutsideWhatWeCanChange;
                c.OutcomeExplanation = "The land belongs to the council.";
            });
        await app.CreateContributionAsync(organisation, "I would dig", c =>
        {
            c.PersonId = me.Id;
            c.LinkedToId = published.Id;
        });
        var unpublished = await app.CreateContributionAsync(organisation, "Zebedee's private worry", c =>
        {
            c.PersonId = someoneElse.Id;
            c.Outcome = OutcomeStatus.BeingConsidered;
        });
        await app.CreateContributionAsync(organisation, "", c =>
        {
            c.PersonId = me.Id;
            c.LinkedToId = unpublished.Id;
        });

        var page = await partner.Client.GetPageAsync(partner.MyVoice);

        var cards = page.QuerySelectorAll("main .govuk-summary-card").Select(c => c.TextContent).ToList();
        cards.Count.ShouldBe(4);
        var bus = cards.Single(c => c.Contains("Cheaper bus passes"));
        bus.ShouldContain("We did it.");
        bus.ShouldContain("Passes are now half price.");
        bus.ShouldContain("We told you on 4 March 2026 (phone call).");
        var saturdays = cards.Single(c => c.Contains("Open on Saturdays"));
        saturdays.ShouldContain("We are going to do it.");
        saturdays.ShouldContain("Things have changed since then, so we will tell you again.");
        var dig = cards.Single(c => c.Contains("I would dig"));
        dig.ShouldContain("You said \"me too\"");
        dig.ShouldContain("A community garden");
        dig.ShouldContain("We cannot do this.");
        dig.ShouldContain("It is not something we can change.");
        dig.ShouldContain("The land belongs to the council.");
        dig.ShouldContain("We have not told you about this yet.");
        var worry = cards.Single(c => c.Contains("Something someone else told us."));
        worry.ShouldContain("We are thinking about it.");
        var html = page.DocumentElement.OuterHtml;
        html.ShouldNotContain("Zebedee", Case.Sensitive, "never someone else's name or words");
    }

    [DatabaseFact]
    public async Task MyVoice_NeverListsAnotherPartnersContributions()
    {
        var partner = await SignedInPartnerAsync(app);
        var other = await SignedInPartnerAsync(app, partner.Organisation);
        using (var mine = await AddAsync(partner, "My own words about parking"))
        {
            mine.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var theirs = await AddAsync(other, "Their private words about housing"))
        {
            theirs.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var unlinked = await app.CreatePersonAsync(partner.Organisation, name: "Staff-recorded person");
        await app.CreateContributionAsync(partner.Organisation, "Staff-recorded words", c => c.PersonId = unlinked.Id);
        await app.CreateContributionAsync(partner.Organisation, "Anonymous words");

        var mineHtml = await partner.Client.BodyAsync(partner.MyVoice);
        var theirsHtml = await other.Client.BodyAsync(other.MyVoice);

        mineHtml.ShouldContain("My own words about parking");
        mineHtml.ShouldNotContain("Their private words");
        mineHtml.ShouldNotContain("Staff-recorded");
        mineHtml.ShouldNotContain("Anonymous words");
        theirsHtml.ShouldContain("Their private words about housing");
        theirsHtml.ShouldNotContain("My own words");
    }

    [DatabaseFact]
    public async Task MyVoice_InAnotherOrganisation_ShowsOnlyWhatWasSaidThere()
    {
        var partner = await SignedInPartnerAsync(app);
        var second = await app.CreateOrganisationAsync();
        await app.AddMembershipAsync(second, partner.User, OrganisationRole.Partner);
        var there = await app.CreatePersonAsync(second, userId: partner.User.Id);
        await app.CreateContributionAsync(second, "Said in the second organisation", c => c.PersonId = there.Id);
        using (var here = await AddAsync(partner, "Said in the first organisation"))
        {
            here.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var first = await partner.Client.BodyAsync(partner.MyVoice);
        var other = await partner.Client.BodyAsync($"/o/{second.Slug}/my-voice");

        first.ShouldContain("Said in the first organisation");
        first.ShouldNotContain("Said in the second organisation");
        other.ShouldContain("Said in the second organisation");
        other.ShouldNotContain("Said in the first organisation");
    }

    [DatabaseFact]
    public async Task MyVoice_ForStaff_ShowsTheirOwn_WhichIsUsuallyNothing()
    {
        var (organisation, staff) = await app.CreateMemberAsync(OrganisationRole.Staff, twoFactor: true);
        await app.CreateContributionAsync(organisation, "Something a partner said");
        using var client = app.CreateBrowser();
        await client.SignInAsync(staff);

        var page = await client.GetPageAsync($"/o/{organisation.Slug}/my-voice");

        page.QuerySelector("main")!.TextContent.ShouldContain("You have not told us anything yet.");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Something a partner said");
    }

    [DatabaseFact]
    public async Task MyVoice_Anonymous_IsSentToSignIn()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var list = await client.GetAsync(new Uri($"/o/{organisation.Slug}/my-voice", UriKind.Relative));
        using var add = await client.GetAsync(new Uri($"/o/{organisation.Slug}/my-voice/new", UriKind.Relative));

        list.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(WithUsFactory.SiteAddress, list.Location()).AbsolutePath.ShouldBe(Accounts.SignInPath);
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [DatabaseFact]
    public async Task MyVoice_Paged_ShowsTwentyAtATime()
    {
        var partner = await SignedInPartnerAsync(app);
        var me = await app.CreatePersonAsync(partner.Organisation, userId: partner.User.Id);
        for (var i = 0; i < 22; i++)
        {
            var n = i;
            await app.CreateContributionAsync(partner.Organisation, $"Thing number {n}", c =>
            {
                c.PersonId = me.Id;
                c.CreatedAtUtc = DateTime.UtcNow.AddMinutes(n);
            });
        }

        var first = await partner.Client.GetPageAsync(partner.MyVoice);
        var second = await partner.Client.GetPageAsync(partner.MyVoice + "?page=2");

        first.QuerySelectorAll("main .govuk-summary-card").Length.ShouldBe(20);
        first.QuerySelector("main")!.TextContent.ShouldContain("Thing number 21");
        first.QuerySelector("a[rel='next']").ShouldNotBeNull();
        second.QuerySelectorAll("main .govuk-summary-card").Length.ShouldBe(2);
        second.QuerySelector("main")!.TextContent.ShouldContain("Thing number 0");
    }

    [DatabaseFact]
    public async Task MyVoice_QueryCount_DoesNotGrowWithWhatTheySaid()
    {
        async Task<int> QueriesWithAsync(int said)
        {
            var partner = await SignedInPartnerAsync(app);
            var me = await app.CreatePersonAsync(partner.Organisation, userId: partner.User.Id);
            var idea = await app.CreatePublishedIdeaAsync(partner.Organisation, "root", "Root", OutcomeStatus.Done);
            for (var i = 0; i < said; i++)
            {
                await app.CreateContributionAsync(partner.Organisation, $"said {i}", c =>
                {
                    c.PersonId = me.Id;
                    c.LinkedToId = i % 2 == 0 ? idea.Id : null;
                });
            }

            await partner.Client.BodyAsync(partner.MyVoice);
            app.Queries.Reset();
            await partner.Client.BodyAsync(partner.MyVoice);
            partner.Client.Dispose();
            return app.Queries.Count;
        }

        var few = await QueriesWithAsync(2);
        var many = await QueriesWithAsync(15);

        few.ShouldBeGreaterThan(0);
        many.ShouldBe(few);
    }
}
