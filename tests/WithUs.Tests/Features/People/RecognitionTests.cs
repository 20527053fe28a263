using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>Recognition without money (issue 10, seed 002): thanks, certificates and milestones, with milestones their roles suggest.</summary>
public sealed class RecognitionTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task AMilestoneTheirRoleSuggests_IsRecordedInOneStep_AndNoLongerSuggested()
    {
        using var staff = await app.SignedInAsync();
        var roles = await app.AddDefaultRolesAsync(staff.Organisation);
        var host = roles.Single(r => r.Name == "Event host");
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Hattie Host");
        await app.GiveRoleAsync(staff.Organisation, person.Id, host.Id, DateTime.UtcNow.AddDays(-400));
        var url = $"{staff.Org}/people/{person.Id}";

        var record = await staff.Client.GetPageAsync(url);
        var suggestion = record.QuerySelector("#suggested-milestones a")!;
        suggestion.ParentElement!.TextContent.ShouldContain("A year as event host");
        var href = suggestion.GetAttribute("href")!;
        var form = await staff.Client.GetPageAsync(href);
        form.QuerySelector("input[name='Title']")!.GetAttribute("value").ShouldBe("A year as event host");
        form.QuerySelector("input[name='Kind'][value='Milestone']")!.HasAttribute("checked").ShouldBeTrue();
        using var saved = await staff.Client.SubmitAsync(form, href, new Dictionary<string, string>());

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Location().ShouldBe($"{url}#recognition");
        record = await staff.Client.GetPageAsync(url);
        record.QuerySelector("#suggested-milestones").ShouldBeNull("it is recorded now");
        record.QuerySelector("#recognition + ul")!.TextContent.ShouldContain("A year as event host");
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.Recognitions.AsNoTracking().SingleAsync());
        (kept.Kind, kept.RecordedByUserId).ShouldBe((RecognitionKind.Milestone, (Guid?)staff.User.Id));
    }

    [DatabaseTheory]
    [InlineData("", "Thanks for the stall", "Choose what it is")]
    [InlineData("Certificate", "", "Say what it was for, for example a year as an event host")]
    [InlineData("Thanks", "Thanks\u0007", "What it was for can only have letters, numbers, spaces and punctuation")]
    [InlineData("7", "Thanks", "Choose what it is")]
    public async Task ABadRecognition_IsRefusedWithAClearMessage_AndNothingIsKept(string kind, string title, string message)
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/recognition/new", new() { ["Kind"] = kind, ["Title"] = title });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Recognitions.CountAsync())).ShouldBe(0);
    }
}
