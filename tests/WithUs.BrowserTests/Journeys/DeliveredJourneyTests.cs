using WithUs.Web.Features.People;

namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journey (issue 11): a project started from three things people said, whose people were told it became a project.
/// Staff say the project has delivered, ticking two of them as done and writing what their people will be told: those
/// two show as done on the project page (the third stays part of the project), and the people who said them, and
/// someone who added their voice, are owed a reply again with the new outcome. Staff record that one was told, and
/// that one leaves the list. The delivery form has no script, so this runs with JavaScript on; the owed list is
/// checked at 320 pixels wide.
/// </summary>
public sealed class DeliveredJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Staff_say_the_project_delivered_the_ideas_are_done_and_their_people_are_owed_a_reply_until_told()
    {
        const string title = "A Saturday drop-in";
        const string sundays = "Open on Sundays too";
        var account = await Steps.AdministratorOfAsync(app, output);
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var mei = await SaidAsync(organisation, "Mei Chen", "A drop-in on Saturday mornings, when I am not at work");
        var joy = await SaidAsync(organisation, "Joy Adeyemi", "Somewhere warm to go at the weekend");
        var lee = await SaidAsync(organisation, "Lee Marsh", sundays);
        var tomasz = await app.Server.CreatePersonAsync(organisation, "Tomasz Nowak", mayContact: true, contactBy: ContactMethod.Phone, phone: "0114 496 0001");
        await app.Server.CreateContributionAsync(organisation, "Me too: Saturdays suit me", c => { c.LinkedToId = mei.Id; c.PersonId = tomasz.Id; });
        var project = await app.Server.CreateProjectAsync(organisation, title, mei.Id, joy.Id, lee.Id);

        // Everyone was told, by phone, that what they said became part of the project: nobody is owed a reply yet.
        await app.Server.InOrganisationAsync(organisation, db => db.Contributions
            .Where(c => c.ProjectId == project.Id || (c.LinkedTo != null && c.LinkedTo.ProjectId == project.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ToldAtUtc, DateTime.UtcNow)
                .SetProperty(c => c.ToldHow, TellingMethod.Phone).SetProperty(c => c.ToldOutcome, OutcomeStatus.PartOfProject)));

        await using var staff = await app.StartJourneyAsync(output, name: "delivered");
        await staff.Page.SetViewportSizeAsync(1100, 900);
        await Steps.SignInAsync(staff, account);
        var org = $"/o/{Steps.OrganisationSlug}";
        await staff.GotoAsync($"{org}/voice/owed");
        var notTold = staff.Page.Locator("#not-told");
        (await notTold.InnerTextAsync()).ShouldContain("Nobody is waiting to be told an outcome.");

        await staff.GotoAsync($"{org}/projects/{project.Id}");
        await staff.FollowAsync("The project has delivered: say what it did and close the loop");
        (await staff.Heading.InnerTextAsync()).ShouldBe("The project has delivered");
        (await staff.Field(sundays).IsCheckedAsync()).ShouldBeTrue("every open idea starts ticked");

        // What they will be told is needed once ideas are ticked; what was typed is kept.
        await staff.FillAsync("What did the project do?", "The drop-in opened on Saturdays from 10am, run with the people who asked for it.");
        await staff.Field(sundays).UncheckAsync();
        (await staff.SubmitAsync("Save")).Status.ShouldBe(400);
        (await staff.ErrorSummary.InnerTextAsync()).ShouldContain("Write what the people who said these will be told");
        (await staff.Field("What did the project do?").InputValueAsync()).ShouldStartWith("The drop-in opened on Saturdays");
        (await staff.Field(sundays).IsCheckedAsync()).ShouldBeFalse();
        await staff.FillAsync("What will they be told?", "The Saturday drop-in is open from 10am, at the community room. Come along.");
        await staff.ScreenshotAsync("delivering at 1100px");
        await staff.SubmitAsync("Save");
        staff.Location.ShouldBe($"{org}/projects/{project.Id}");
        (await staff.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("2 of the things people said are done");
        (await staff.Page.Locator("#delivery-summary").InnerTextAsync()).ShouldContain("The drop-in opened on Saturdays from 10am");
        var ideas = staff.Page.Locator("#ideas li");
        (await ideas.Filter(new() { HasText = mei.Text }).InnerTextAsync()).ShouldContain("Done");
        (await ideas.Filter(new() { HasText = joy.Text }).InnerTextAsync()).ShouldContain("Done");
        (await ideas.Filter(new() { HasText = sundays }).InnerTextAsync()).ShouldContain("Part of a project");
        (await staff.Page.Locator("#phase-delivery").InnerTextAsync()).ShouldContain("Done");
        await staff.ScreenshotAsync("delivered project at 1100px");

        // Owed a reply: the people whose ideas are done (and the one who added their voice), told of the project before.
        await staff.ClickAsync(staff.Page.GetByRole(AriaRole.Navigation, new() { Name = "Organisation" })
            .GetByRole(AriaRole.Link, new() { Name = "Owed a reply", Exact = true }));
        var owed = notTold.Locator("tbody tr");
        (await OwedPeopleAsync(owed)).ShouldBe(["Joy Adeyemi", "Mei Chen", "Tomasz Nowak"], ignoreOrder: true);
        var joysRow = owed.Filter(new() { HasText = "Joy Adeyemi" });
        (await joysRow.InnerTextAsync()).ShouldContain("Done");
        (await joysRow.InnerTextAsync()).ShouldContain("The outcome changed after they were told");
        await staff.ScreenshotAsync("owed a reply at 1100px");

        await staff.ClickAsync(joysRow.GetByRole(AriaRole.Link, new() { Name = "Record that they were told" }));
        (await staff.Heading.InnerTextAsync()).ShouldBe("Record that they were told");
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("Done");
        await staff.Field("Phone call").CheckAsync();
        await staff.FillAsync("Note (optional)", "She is coming on Saturday with her sister.");
        await staff.SubmitAsync("Save");
        staff.Location.ShouldBe($"{org}/voice/{joy.Id}");

        await staff.GotoAsync($"{org}/voice/owed");
        (await OwedPeopleAsync(owed)).ShouldBe(["Mei Chen", "Tomasz Nowak"], ignoreOrder: true);

        await staff.Page.SetViewportSizeAsync(320, 800);
        await staff.GotoAsync($"{org}/voice/owed");
        (await staff.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
        await staff.ScreenshotAsync("owed a reply at 320px");
        await staff.GotoAsync($"{org}/projects/{project.Id}/deliver");
        (await staff.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
        await staff.ScreenshotAsync("delivering at 320px");
    }

    private async Task<Contribution> SaidAsync(TestOrganisation organisation, string name, string text)
    {
        var person = await app.Server.CreatePersonAsync(organisation, name, mayContact: true, contactBy: ContactMethod.Phone, phone: "0114 496 0000");
        return await app.Server.CreateContributionAsync(organisation, text, c => c.PersonId = person.Id);
    }

    private static async Task<List<string>> OwedPeopleAsync(ILocator rows) =>
        [.. (await rows.Locator("td[data-label='Who']").AllInnerTextsAsync()).Select(n => n.Trim())];
}
