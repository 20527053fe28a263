using WithUs.Tests.Features.Public;
using WithUs.Web.Features.People;
using static WithUs.Tests.Features.Voice.MyVoice.MyVoiceSteps;

namespace WithUs.Tests.Features.Voice.MyVoice;

/// <summary>Voice/MyVoice/New: a partner tells the organisation something in their own words.</summary>
public sealed class NewTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    public static TheoryData<string, string, string, string> BadAnswers() => new()
    {
        { "", "Idea", "true", "Tell us your idea or what you think" },
        { new string('y', 4001), "Idea", "true", "What you tell us must be 4,000 characters or fewer. Try making it shorter" },
        { "bell\u0007", "Idea", "true", "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation" },
        { "Fine words", "", "true", "Choose what kind of thing you are telling us" },
        { "Fine words", "Need", "true", "Choose what kind of thing you are telling us" },
        { "Fine words", "Idea", "false", "Tick the box to say it is OK for us to keep what you tell us" },
    };

    [DatabaseFact]
    public async Task Partner_AddsTheirOwn_BecomesAPersonOnce_AndSeesItListed()
    {
        var partner = await SignedInPartnerAsync(app);

        using var first = await AddAsync(partner, "  A walking group on Sundays  ");
        using var second = await AddAsync(partner, "The lift is often broken", nameof(ContributionKind.Concern));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Location().ShouldBe(partner.MyVoice);
        var page = await partner.Client.GetPageAsync(partner.MyVoice);
        page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Thank you. We have saved what you told us.");
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("A walking group on Sundays");
        main.ShouldContain("The lift is often broken");
        main.ShouldContain("Nothing to tell you yet.");
        var person = (await app.PeopleAsync(partner.Organisation)).ShouldHaveSingleItem("the same person both times");
        person.UserId.ShouldBe(partner.User.Id);
        person.Name.ShouldBe("Test " + partner.User.Email.Split('@')[0]);
        person.ConsentToRecord.ShouldBeTrue();
        (await app.ConsentsAsync(partner.Organisation, person.Id)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ConsentKind.Record), c => c.Given.ShouldBeTrue(), c => c.Way.ShouldBe(ConsentWay.Online),
            c => c.RecordedByUserId.ShouldBeNull("they gave it themselves"));
        var said = await app.ContributionsAsync(partner.Organisation);
        said.Count.ShouldBe(2);
        said.ShouldAllBe(c => c.PersonId == person.Id && c.Source == ContributionSource.Partner
                              && c.Channel == Channel.OnlineForm && c.Provenance == Provenance.FirstHand
                              && c.RecordedByUserId == partner.User.Id && c.LinkedToId == null);
        said.Select(c => c.Text).ShouldBe(["A walking group on Sundays", "The lift is often broken"]);
        said[1].Kind.ShouldBe(ContributionKind.Concern);
    }

    [DatabaseFact]
    public async Task Partner_SendingTheirFirstThirtyAtOnce_BecomesOnePerson_AndKeepsEveryOne()
    {
        var partner = await SignedInPartnerAsync(app);
        var url = partner.MyVoice + "/new";
        var form = await partner.Client.GetPageAsync(url);

        var answers = await Task.WhenAll(Enumerable.Range(1, 30).Select(i => partner.Client.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["Input.Text"] = $"Idea number {i}",
            ["Input.Kind"] = nameof(ContributionKind.Idea),
            ["Input.Consent"] = "true",
        })));

        answers.Select(a => a.StatusCode).Distinct().ShouldBe([HttpStatusCode.Redirect]);
        var person = (await app.PeopleAsync(partner.Organisation)).ShouldHaveSingleItem("one person per account here");
        (await app.ContributionsAsync(partner.Organisation)).Where(c => c.PersonId == person.Id).Select(c => c.Text)
            .ShouldBe(Enumerable.Range(1, 30).Select(i => $"Idea number {i}"), ignoreOrder: true);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [DatabaseFact]
    public async Task Partner_WithAPersonAlreadyRecordedByStaff_AddsToThatPerson()
    {
        var partner = await SignedInPartnerAsync(app);
        var existing = await app.CreatePersonAsync(partner.Organisation, name: "Known As Jo", userId: partner.User.Id);

        using var response = await AddAsync(partner, "More seats");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.PeopleAsync(partner.Organisation)).ShouldHaveSingleItem().Id.ShouldBe(existing.Id);
        (await app.ContributionsAsync(partner.Organisation)).ShouldHaveSingleItem().PersonId.ShouldBe(existing.Id);
    }

    [DatabaseTheory]
    [MemberData(nameof(BadAnswers))]
    public async Task Partner_WithABadAnswer_IsToldWhatIsWrong_AndNothingIsSaved(string text, string kind, string consent, string message)
    {
        var partner = await SignedInPartnerAsync(app);

        using var response = await AddAsync(partner, text, kind, consent);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldContain(message);
        (await app.ContributionsAsync(partner.Organisation)).ShouldBeEmpty();
        (await app.PeopleAsync(partner.Organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Partner_Script_IsShownAsTextOnTheFormAndInTheList()
    {
        var partner = await SignedInPartnerAsync(app);
        const string script = "<script>alert('x')</script>";

        using var refused = await AddAsync(partner, script, consent: "false");
        using var saved = await AddAsync(partner, script);

        var refusedHtml = await refused.Content.ReadAsStringAsync();
        refusedHtml.ShouldNotContain("<script>alert");
        refusedHtml.ShouldContain("&lt;script&gt;alert(");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await partner.Client.BodyAsync(partner.MyVoice);
        list.ShouldNotContain("<script>alert");
        list.ShouldContain("&lt;script&gt;alert(");
    }
}
