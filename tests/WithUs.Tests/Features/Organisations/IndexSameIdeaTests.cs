using WithUs.Web.Features.Voice.SameIdea;

namespace WithUs.Tests.Features.Organisations;

/// <summary>Organisations/Index (the staff home): "These look like the same idea — link them?" under Building up.</summary>
public sealed class IndexSameIdeaTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Home_ShowsEachOpenOffer_BothTextsAndTheVoicesTogether_ButNotWhoSaidThem()
    {
        using var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        var (ann, bob) = (await app.CreatePersonAsync(org, "Annabel Quist"), await app.CreatePersonAsync(org, "Bartholomew Ode"));
        var a = await app.CreateContributionAsync(org, "Could the drop-in open on Saturdays?", c => c.PersonId = ann.Id);
        var b = await app.CreateContributionAsync(org, "Weekends are the longest days when everything is shut", c => c.PersonId = bob.Id);
        await app.CreateContributionAsync(org, "Yes please", c => { c.PersonId = ann.Id; c.LinkedToId = b.Id; });
        await app.CreateContributionAsync(org, "Me too", c => c.LinkedToId = b.Id);
        var offerId = await app.CreateSameIdeaOfferAsync(org, a.Id, b.Id);

        var home = await staff.Client.GetPageAsync(staff.Org);

        var offer = home.QuerySelector($"#same-idea-{offerId}").ShouldNotBeNull();
        home.QuerySelector("h2#same-idea")!.TextContent.ShouldBe("These look like the same idea — link them?");
        offer.QuerySelectorAll(".withus-same-idea__side .withus-said").Select(s => s.TextContent.Trim())
            .ShouldBe(["Could the drop-in open on Saturdays?", "Weekends are the longest days when everything is shut"], ignoreOrder: true);
        offer.QuerySelector(".withus-same-idea__together")!.TextContent.ShouldBe("3 voices", "Ann once, Bob, and one anonymous");
        offer.TextContent.ShouldNotContain("Annabel");
        offer.TextContent.ShouldNotContain("Bartholomew");
        offer.QuerySelectorAll("form").Length.ShouldBe(3, "link keeping either's words, or not the same");
    }

    [DatabaseFact]
    public async Task Home_ShowsOnlyOffersStillOpen_OfItsOwnOrganisation_AndNoneToAPartner()
    {
        using var staff = await app.SignedInAsync();
        using var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var open = await OfferAsync(staff.Organisation);
        var dismissed = await OfferAsync(staff.Organisation, "A bench by the bus stop", "Somewhere to sit while we wait for the number 42");
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.Set<SameIdeaOffer>().SingleAsync(o => o.Id == dismissed)).Decision = SameIdeaDecision.NotTheSame;
            await db.SaveChangesAsync();
        });
        var elsewhere = await OfferAsync(await app.CreateOrganisationAsync());

        var home = await staff.Client.GetPageAsync(staff.Org);
        var partnerHome = await partner.Client.GetPageAsync(staff.Org);

        home.QuerySelectorAll(".withus-same-idea").Select(o => o.Id).ShouldBe([$"same-idea-{open}"]);
        home.QuerySelector($"#same-idea-{elsewhere}").ShouldBeNull();
        partnerHome.QuerySelectorAll(".withus-same-idea").ShouldBeEmpty();
        partnerHome.QuerySelector("#same-idea").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task BuildingUp_CountsTheVoicesThatMaySayTheSameThing()
    {
        using var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        await app.InOrganisationAsync(org, async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == org.Id);
            organisation.BuildUpThreshold = 2;
            await db.SaveChangesAsync();
        });
        var a = await app.CreateContributionAsync(org, "Could the drop-in open on Saturdays?");
        await app.CreateContributionAsync(org, "Saturdays please", c => c.LinkedToId = a.Id);
        var b = await app.CreateContributionAsync(org, "Weekends are the longest days when everything is shut");
        await app.CreateContributionAsync(org, "Me too", c => c.LinkedToId = b.Id);
        await app.CreateContributionAsync(org, "And me", c => c.LinkedToId = b.Id);
        await app.CreateSameIdeaOfferAsync(org, a.Id, b.Id);

        var home = await staff.Client.GetPageAsync(staff.Org);

        var items = home.QuerySelectorAll(".withus-building-up > li").Select(li => li.QuerySelector("p")!.TextContent.Trim()).ToList();
        items.ShouldContain("2 voices, and 3 more that may say the same thing");
        items.ShouldContain("3 voices, and 2 more that may say the same thing");
    }

    private async Task<Guid> OfferAsync(TestOrganisation organisation, string first = "Could the drop-in open on Saturdays?",
        string second = "Weekends are the longest days when everything is shut")
    {
        var a = await app.CreateContributionAsync(organisation, first);
        var b = await app.CreateContributionAsync(organisation, second);
        return await app.CreateSameIdeaOfferAsync(organisation, a.Id, b.Id);
    }
}
