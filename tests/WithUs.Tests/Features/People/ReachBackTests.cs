using System.Text;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

public sealed class ReachBackTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private sealed record Scene(SignedIn Staff, Contribution Idea, Person Sayer, Person MeToo, Person Interested, Person Similar, Person NoConsent);

    private async Task<Scene> SceneAsync()
    {
        var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        var sayer = await app.CreatePersonAsync(org, name: "Sayer Sam", mayContact: true, contactBy: ContactMethod.Email, email: "sam@example.org", phone: "07700 900001");
        var meToo = await app.CreatePersonAsync(org, name: "=HYPERLINK(\"http://evil\")", mayContact: true, contactBy: ContactMethod.Phone, phone: "+44 7700 900002", email: "hidden@example.org");
        var interested = await app.CreatePersonAsync(org, name: "Interested Ina", mayContact: true, contactBy: ContactMethod.InPerson);
        var similar = await app.CreatePersonAsync(org, name: "Similar Sid", mayContact: true, contactBy: ContactMethod.TextMessage, phone: "07700 900003");
        var noConsent = await app.CreatePersonAsync(org, name: "Private Pat", mayContact: false, email: "pat@example.org");
        var idea = await app.CreateContributionAsync(org, "A women's football club on Saturday mornings", c => c.PersonId = sayer.Id);
        await app.CreateContributionAsync(org, "Yes", c => { c.LinkedToId = idea.Id; c.PersonId = meToo.Id; });
        await app.CreateContributionAsync(org, "Me too", c => { c.LinkedToId = idea.Id; c.PersonId = noConsent.Id; });
        await app.CreateContributionAsync(org, "Football for women, please, on a Saturday", c => c.PersonId = similar.Id);
        await app.CreateContributionAsync(org, "Cheaper parking in town", c => c.PersonId = noConsent.Id);
        await app.InOrganisationAsync(org, async db =>
        {
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = interested.Id, ContributionId = idea.Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return new Scene(staff, idea, sayer, meToo, interested, similar, noConsent);
    }

    [DatabaseFact]
    public async Task ReachBack_ListsEveryoneLinkedWhoAgreedToContact_WithWhyAndOnlyTheirChosenDetail()
    {
        var scene = await SceneAsync();
        using var staff = scene.Staff;

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/{scene.Idea.Id}/reach-back");

        var rows = page.QuerySelectorAll("main tbody tr").ToDictionary(r => r.QuerySelectorAll("td")[1].TextContent.Trim());
        rows.Keys.ShouldBe(["=HYPERLINK(\"http://evil\")", "Interested Ina", "Sayer Sam", "Similar Sid"], ignoreOrder: true);
        rows["Sayer Sam"].TextContent.ShouldContain("Said it");
        rows["Sayer Sam"].TextContent.ShouldContain("sam@example.org");
        rows["Sayer Sam"].TextContent.ShouldNotContain("07700 900001");
        rows["=HYPERLINK(\"http://evil\")"].TextContent.ShouldContain("Added their voice");
        rows["=HYPERLINK(\"http://evil\")"].TextContent.ShouldNotContain("hidden@example.org");
        rows["Interested Ina"].TextContent.ShouldContain("Would take part");
        rows["Similar Sid"].TextContent.ShouldContain("Said something similar");
        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldNotContain("Private Pat");
        text.ShouldNotContain("pat@example.org");
        page.QuerySelector("#left-out")!.TextContent.ShouldContain("1 other person is linked to this but not listed: they did not agree to be contacted");
    }

    [DatabaseFact]
    public async Task ReachBack_FilteredByContactMethod_ShowsOnlyThoseWhoChoseIt()
    {
        var scene = await SceneAsync();
        using var staff = scene.Staff;

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/{scene.Idea.Id}/reach-back?by=Email");

        page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ShouldBe(["Sayer Sam"]);
    }

    [DatabaseFact]
    public async Task Csv_HasABomOnlyTheChosenDetailAndGuardsAgainstFormulas_AndIsAudited()
    {
        var scene = await SceneAsync();
        using var staff = scene.Staff;

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Org}/voice/{scene.Idea.Id}/reach-back?handler=Csv", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Name,Contact by,How to reach them,When not to contact them,Access needs");
        lines.ShouldContain("Sayer Sam,Email,sam@example.org,,");
        lines.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\")\",Phone call,'+44 7700 900002,,");
        lines.ShouldContain("Interested Ina,In person,,,");
        lines.ShouldNotContain(l => l.Contains("Private Pat") || l.Contains("hidden@example.org") || l.Contains("07700 900001"));
        (await app.AuditEntriesAsync("ContactListExported")).ShouldContain(e =>
            e.EntityType == "Contribution" && e.EntityId == scene.Idea.Id.ToString() && e.ActorUserId == staff.User.Id && e.Details == "4 people");
    }

    [DatabaseTheory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44", "'+44")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("Pat;=1+1", "\"Pat;'=1+1\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    public void CsvCell_PrefixesFormulaStartsAndQuotesSeparators(string value, string expected) =>
        ReachBackList.Cell(value).ShouldBe(expected);

    [DatabaseFact]
    public async Task Record_ContactedPeople_AddsAReachBackForEachSelectedAndShowsItOnTheirPage()
    {
        var scene = await SceneAsync();
        using var staff = scene.Staff;
        var url = $"{staff.Org}/voice/{scene.Idea.Id}/reach-back";
        var page = await staff.Client.GetPageAsync(url);
        page.QuerySelectorAll("input[name='Input.Selected'][checked]").Length.ShouldBe(4, "everyone is selected at first");

        using var response = await staff.Client.PostFormAsync(url, [
            new(Html.AntiforgeryField, page.AntiforgeryToken()),
            new("Input.About", "Funding for a pilot season"),
            new("Input.Selected", scene.Sayer.Id.ToString()),
            new("Input.Selected", scene.MeToo.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(url);
        var reachBacks = await app.InOrganisationAsync(staff.Organisation, db => db.ReachBacks.AsNoTracking().ToListAsync());
        reachBacks.Select(r => (r.PersonId, r.Method, r.About, r.ContributionId)).ShouldBe([
            (scene.Sayer.Id, ContactMethod.Email, "Funding for a pilot season", (Guid?)scene.Idea.Id),
            (scene.MeToo.Id, ContactMethod.Phone, "Funding for a pilot season", (Guid?)scene.Idea.Id)], ignoreOrder: true);
        (await staff.Client.GetPageAsync($"{staff.Org}/people/{scene.Sayer.Id}")).QuerySelector("main")!.TextContent.ShouldContain("Funding for a pilot season");
    }

    [DatabaseFact]
    public async Task Record_WithoutAboutOrWithSomeoneWhoDidNotConsent_IsRefusedAndRecordsNothing()
    {
        var scene = await SceneAsync();
        using var staff = scene.Staff;
        var url = $"{staff.Org}/voice/{scene.Idea.Id}/reach-back";
        var page = await staff.Client.GetPageAsync(url);

        using var response = await staff.Client.PostFormAsync(url, [
            new(Html.AntiforgeryField, page.AntiforgeryToken()),
            new("Input.About", " "),
            new("Input.Selected", scene.NoConsent.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say what you contacted them about", "Choose who you contacted from the list"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.ReachBacks.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task ThemeReachBack_ListsPeopleWhoSaidSomethingInItOrAreInterested()
    {
        using var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        var theme = await app.CreateThemeAsync(org, "Sport");
        var sayer = await app.CreatePersonAsync(org, name: "Theme Sayer", mayContact: true, contactBy: ContactMethod.InPerson);
        var fan = await app.CreatePersonAsync(org, name: "Theme Fan", mayContact: true, contactBy: ContactMethod.InPerson);
        var outsider = await app.CreatePersonAsync(org, name: "Not In Theme", mayContact: true, contactBy: ContactMethod.InPerson);
        var idea = await app.CreateContributionAsync(org, "Netball courts", c => c.PersonId = sayer.Id);
        await app.CreateContributionAsync(org, "Quieter buses", c => c.PersonId = outsider.Id);
        await app.AddThemeAsync(org, idea.Id, theme.Id);
        await app.InOrganisationAsync(org, async db =>
        {
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = fan.Id, ThemeId = theme.Id, Kind = InterestKind.WantsToHear, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var page = await staff.Client.GetPageAsync($"{staff.Org}/themes/{theme.Id}/reach-back");

        page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ShouldBe(["Theme Fan", "Theme Sayer"]);
    }

    [DatabaseTheory]
    [InlineData("voice/{idea}/interest")]
    [InlineData("voice/{idea}/reach-back")]
    [InlineData("voice/{idea}/reach-back?handler=Csv")]
    [InlineData("themes/{theme}/reach-back")]
    public async Task ReachBackPages_ForAPartner_AreRefused(string path)
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);
        var idea = await app.CreateContributionAsync(partner.Organisation, "Something");
        var theme = await app.CreateThemeAsync(partner.Organisation);
        var url = $"{partner.Org}/{path.Replace("{idea}", idea.Id.ToString()).Replace("{theme}", theme.Id.ToString())}";

        using var response = await partner.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.ShouldBeRefused();
    }
}
