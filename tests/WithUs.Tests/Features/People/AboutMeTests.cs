using System.Text;
using System.Text.Json;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>
/// A partner's own data (issue 10): everything held about them in plain words and as a file, nothing about anyone else;
/// correcting their details, their needs, their answers; withdrawing consent; asking for their record to be removed.
/// </summary>
public sealed class AboutMeTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>A partner signed in, whose account is linked to a record with something in every part of it.</summary>
    private async Task<(SignedIn Partner, Person Person)> PartnerWithAFullRecordAsync(string canary)
    {
        using var staff = await app.SignedInAsync();
        var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var person = await app.CreatePersonAsync(staff.Organisation, name: canary + " Name", mayContact: true, contactBy: ContactMethod.Email,
            email: canary.ToLowerInvariant() + "@example.org", userId: partner.User.Id);
        await app.InOrganisationAsync(staff.Organisation, db => db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.AccessNeeds, AccessNeed.StepFreeAccess | AccessNeed.Other)
            .SetProperty(p => p.OtherAccessNeed, (string?)null)
            .SetProperty(p => p.Pronouns, canary + " pronouns")));
        await app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(staff.Organisation.ToEntity(), OrganisationRole.Administrator);
            var db = services.GetRequiredService<WithUsDbContext>();
            var kept = await db.People.SingleAsync(p => p.Id == person.Id);
            await services.GetRequiredService<EqualityMonitoring>().KeepPrivateNeedAsync(kept, canary + " private need", CancellationToken.None);
            await db.SaveChangesAsync();
        });
        await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["religion"] = "buddhist" });
        var roles = await app.AddDefaultRolesAsync(staff.Organisation);
        await app.GiveRoleAsync(staff.Organisation, person.Id, roles.Single(r => r.Name == "Volunteer").Id, DateTime.UtcNow.AddDays(-100));
        await app.CreateContributionAsync(staff.Organisation, canary + " said this", c => c.PersonId = person.Id);
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            db.Recognitions.Add(new Recognition
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                Kind = RecognitionKind.Thanks,
                Title = canary + " thanks",
                GivenOn = DateTime.UtcNow.Date,
                CreatedAtUtc = DateTime.UtcNow,
            });
            db.ReachBacks.Add(new ReachBack { Id = Guid.CreateVersion7(), PersonId = person.Id, Method = ContactMethod.Email, About = canary + " invitation", AtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return (partner, person);
    }

    [DatabaseFact]
    public async Task APartner_SeesEverythingHeldAboutThem_OnThePageAndInTheFile_AndNothingAboutAnyoneElse()
    {
        var (partner, _) = await PartnerWithAFullRecordAsync("Olwen");
        using var _partner = partner;
        var (someoneElse, _) = await PartnerWithAFullRecordAsync("Zebulon");
        someoneElse.Dispose();
        // Someone else in the same organisation, too.
        var neighbour = await app.CreatePersonAsync(partner.Organisation, name: "Quentin Neighbour");
        await app.CreateContributionAsync(partner.Organisation, "Quentin said this", c => c.PersonId = neighbour.Id);

        var page = (await partner.Client.GetPageAsync($"{partner.Org}/about-me")).QuerySelector("main")!.TextContent;
        using var file = await partner.Client.GetAsync(new Uri($"{partner.Org}/about-me?handler=Download", UriKind.Relative));
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        file.Content.Headers.ContentDisposition!.FileName!.ShouldContain("about-me");
        var json = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        using var parsed = JsonDocument.Parse(json);

        foreach (var text in new[] { page, json })
        {
            foreach (var mine in new[] { "Olwen Name", "olwen@example.org", "Olwen pronouns", "Olwen private need", "Buddhist", "Volunteer", "Olwen thanks", "Olwen invitation" })
            {
                text.ShouldContain(mine);
            }

            foreach (var theirs in new[] { "Zebulon", "Quentin" })
            {
                text.ShouldNotContain(theirs);
            }
        }

        json.ShouldContain("Olwen said this");
        parsed.RootElement.GetProperty("Record").GetProperty("PrivateNeed").GetString().ShouldBe("Olwen private need");
        parsed.RootElement.GetProperty("EqualityAnswers").GetProperty("Religion").GetString().ShouldBe("Buddhist");
        page.ShouldContain("You have told us 1 thing");
    }

    [DatabaseFact]
    public async Task APartnerWithNoRecord_SeesOnlyTheirAccount_AndTheirFirstDetailsMakeOne()
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);

        var page = (await partner.Client.GetPageAsync($"{partner.Org}/about-me")).QuerySelector("main")!.TextContent;
        page.ShouldContain("We do not keep a record about you yet");
        using var saved = await partner.PostPageAsync($"{partner.Org}/about-me/details", new()
        {
            ["Input.Name"] = "Nell",
            ["Input.MayContact"] = "true",
            ["Input.ContactBy"] = "TextMessage",
            ["Input.Phone"] = "07700 900123",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = await app.InOrganisationAsync(partner.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.UserId == partner.User.Id));
        (person.Name, person.MayContact, person.ContactBy).ShouldBe(("Nell", true, (ContactMethod?)ContactMethod.TextMessage));
        var consents = await app.ConsentsAsync(partner.Organisation, person.Id);
        consents.ShouldAllBe(c => c.Way == ConsentWay.Online && c.RecordedByUserId == null);
        consents.Select(c => c.Kind).ShouldBe([ConsentKind.Record, ConsentKind.Contact], ignoreOrder: true);
    }

    [DatabaseFact]
    public async Task SayingNoToBeingContacted_TakesThemOffTheReachBackListAtOnce()
    {
        var (partner, person) = await PartnerWithAFullRecordAsync("Rhiannon");
        using var _partner = partner;
        var idea = await app.CreateContributionAsync(partner.Organisation, "Later opening", c => c.PersonId = person.Id);
        using var staff = await app.AlsoSignedInAsync(partner.Organisation, OrganisationRole.Staff);
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}/reach-back")).QuerySelector("main")!.TextContent.ShouldContain("Rhiannon Name");

        using var response = await partner.PostPageAsync($"{partner.Org}/about-me/agreed/contact", new() { ["Given"] = "false" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}/reach-back")).QuerySelector("main")!.TextContent.ShouldNotContain("Rhiannon Name");
        var kept = await app.InOrganisationAsync(partner.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        (kept.MayContact, kept.ContactBy, kept.Email).ShouldBe((false, (ContactMethod?)null, (string?)null));
        var last = (await app.ConsentsAsync(partner.Organisation, person.Id)).Last(c => c.Kind == ConsentKind.Contact);
        (last.Given, last.Way, last.RecordedByUserId).ShouldBe((false, ConsentWay.Online, (Guid?)null));
    }

    [DatabaseFact]
    public async Task APartner_SeesAndChangesTheirOwnEqualityAnswers_AndRemovingThemWithdrawsTheirAgreement()
    {
        var (partner, person) = await PartnerWithAFullRecordAsync("Tegan");
        using var _partner = partner;
        var url = $"{partner.Org}/about-me/equality";
        var form = await partner.Client.GetPageAsync(url);
        form.QuerySelector("input[name='Input.Answers[religion]'][value='buddhist']")!.HasAttribute("checked").ShouldBeTrue("their own answers are theirs to see");

        using var changed = await partner.PostPageAsync(url, new() { ["Input.Answers[religion]"] = "none", ["Input.Answers[age]"] = "65-74" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await partner.Client.GetPageAsync(url);
        again.QuerySelector("input[name='Input.Answers[age]'][value='65-74']")!.HasAttribute("checked").ShouldBeTrue();

        var removePage = await partner.Client.GetPageAsync(url);
        using var removed = await partner.Client.PostFormAsync(url + "?handler=Remove", [KeyValuePair.Create(Html.AntiforgeryField, removePage.AntiforgeryToken())]);

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(partner.Organisation, db => db.SealedDetails.CountAsync(s => s.PersonId == person.Id && s.Kind == SealedDetailKind.EqualityAnswers)))
            .ShouldBe(0);
        (await app.ConsentsAsync(partner.Organisation, person.Id)).Last(c => c.Kind == ConsentKind.EqualityMonitoring).Given.ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task APartner_KeepsANeedPrivate_SeesItThemselves_AndStaffSeeOnlyThatThereIsOne()
    {
        var (partner, person) = await PartnerWithAFullRecordAsync("Wyn");
        using var _partner = partner;
        var url = $"{partner.Org}/about-me/needs";
        (await partner.Client.GetPageAsync(url)).FieldValue("Input.OtherAccessNeed").ShouldBe("Wyn private need");

        using var saved = await partner.PostPageAsync(url, new() { ["Input.OtherAccessNeed"] = "Wyn needs a rest after dialysis" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await partner.Client.GetPageAsync($"{partner.Org}/about-me")).QuerySelector("main")!.TextContent.ShouldContain("Wyn needs a rest after dialysis");
        using var staff = await app.AlsoSignedInAsync(partner.Organisation, OrganisationRole.Staff);
        var record = (await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}")).QuerySelector("main")!.TextContent;
        record.ShouldContain(AccessNeedWords.PrivateNeed);
        record.ShouldNotContain("dialysis");
    }

    [DatabaseFact]
    public async Task AskingForRemoval_IsOneRequest_DueInAMonth_OnTheStaffHome_UntilTheRecordIsErased()
    {
        var (partner, person) = await PartnerWithAFullRecordAsync("Bryn");
        using var _partner = partner;
        var url = $"{partner.Org}/about-me/remove";
        var page = await partner.Client.GetPageAsync(url);
        var token = page.AntiforgeryToken();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await partner.Client.PostFormAsync(url, [KeyValuePair.Create(Html.AntiforgeryField, token)]);
            return response.StatusCode;
        }));

        answers.ShouldAllBe(s => s == HttpStatusCode.Redirect);
        var request = await app.InOrganisationAsync(partner.Organisation, db => db.DataRequests.AsNoTracking().SingleAsync());
        (request.PersonId, request.Kind, request.DoneAtUtc).ShouldBe(((Guid?)person.Id, DataRequestKind.Erasure, (DateTime?)null));
        DateOnly.FromDateTime(request.DueOn).ShouldBe(DateOnly.FromDateTime(request.RequestedAtUtc).AddMonths(1));
        (await partner.Client.GetPageAsync($"{partner.Org}/about-me")).QuerySelector("#remove ~ .govuk-inset-text")!.TextContent.ShouldContain("We will do it by");

        using var admin = await app.AlsoSignedInAsync(partner.Organisation, OrganisationRole.Administrator);
        var home = await admin.Client.GetPageAsync(admin.Org);
        home.QuerySelector("#data-requests")!.TextContent.ShouldContain("Requests about people's data: 1");
        var list = (await admin.Client.GetPageAsync($"{admin.Org}/people/requests")).QuerySelector("main")!.TextContent;
        list.ShouldContain("Bryn Name");
        list.ShouldContain("Erase their record");

        using var erased = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/delete", []);
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await app.InOrganisationAsync(partner.Organisation, db => db.DataRequests.AsNoTracking().SingleAsync());
        (done.PersonId, done.DoneByUserId).ShouldBe(((Guid?)null, (Guid?)admin.User.Id));
        done.DoneAtUtc.ShouldNotBeNull();
        (await admin.Client.GetPageAsync(admin.Org)).QuerySelector("#data-requests").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task SayingNoToBeingKept_AsksForRemoval()
    {
        var (partner, person) = await PartnerWithAFullRecordAsync("Ceri");
        using var _partner = partner;

        using var response = await partner.PostPageAsync($"{partner.Org}/about-me/agreed/record", new() { ["Given"] = "false" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await app.InOrganisationAsync(partner.Organisation, db => db.DataRequests.AsNoTracking().SingleAsync());
        request.PersonId.ShouldBe(person.Id);
        (await app.InOrganisationAsync(partner.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id))).ConsentToRecord.ShouldBeFalse();
    }

    [DatabaseTheory]
    [InlineData("Input.Email", "not an address", "Enter an email address in the right format, like name@example.org")]
    [InlineData("Input.Name", "", "Enter your name, or a name you are happy to be known by")]
    [InlineData("Input.Name", "Bad\u0007Name", "The name can only have letters, numbers, spaces and punctuation")]
    public async Task BadDetails_AreRefusedWithAClearMessage_AndChangeNothing(string field, string value, string message)
    {
        var (partner, person) = await PartnerWithAFullRecordAsync("Dilys");
        using var _partner = partner;

        using var response = await partner.PostPageAsync($"{partner.Org}/about-me/details", new() { [field] = value });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        var kept = await app.InOrganisationAsync(partner.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        (kept.Name, kept.Email).ShouldBe(("Dilys Name", (string?)"dilys@example.org"));
    }
}
