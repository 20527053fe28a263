using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;

namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journey (issue 11): staff publish a project, checking first what the public will read, and a visitor with no
/// account finds it from the organisation's public front door and reads it: the partner who agreed to be named is
/// named, the one who did not is only counted. Axe on every page; the public page at 320 pixels wide too.
/// </summary>
public sealed class PublishProjectJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Title = "Saturday breakfast club";
    private const string Summary = "A breakfast club on Saturday mornings, run with the people who asked for it.";

    [Fact]
    public async Task Staff_publish_a_project_and_a_visitor_reads_it_from_the_public_front_door()
    {
        var account = await Steps.AdministratorOfAsync(app, output);
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var project = await app.Server.CreateProjectAsync(organisation, Title);
        var named = await app.Server.CreatePersonAsync(organisation, name: "Robin Hale");
        await app.Server.RecordConsentAsync(organisation, named.Id, ConsentKind.Quoted, true);
        var counted = await app.Server.CreatePersonAsync(organisation, name: "Alex Marsh");
        var robin = await app.Server.AddTeamMemberAsync(organisation, project.Id, personId: named.Id, role: "Co-designer");
        var alex = await app.Server.AddTeamMemberAsync(organisation, project.Id, personId: counted.Id, role: "Host");
        await app.Server.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Open, "What is on the menu");
        await app.Server.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Fixed, "It closes by noon", BoundaryReason.Budget, "The grant pays for one morning.");
        await app.Server.AddDecisionAsync(organisation, project.Id, DecisionWay.PartnersDecided, [robin.Id, alex.Id], "Porridge and toast every week",
            "Porridge and toast\nA cooked breakfast", dissent: "Alex Marsh wanted a cooked breakfast");

        await using (var staff = await app.StartJourneyAsync(output, name: "publish-project-staff"))
        {
            await Steps.SignInAsync(staff, account);
            await staff.GotoAsync($"/o/{Steps.OrganisationSlug}/projects/{project.Id}");
            (await staff.Page.Locator("#publish-state").InnerTextAsync()).ShouldContain("Not published");
            await staff.FollowAsync("Publish it on your public pages");
            (await staff.Heading.InnerTextAsync()).ShouldBe("Publish it on your public pages");

            await staff.SubmitAsync("Publish");
            (await staff.ErrorSummary.InnerTextAsync()).ShouldContain("Write a summary for the public, in plain words");

            await staff.FillAsync("Summary for the public", Summary);
            await staff.SubmitAsync("Check what the public will see");
            var preview = await staff.Page.Locator("#public-preview").InnerTextAsync();
            preview.ShouldContain(Summary);
            preview.ShouldContain("Robin Hale");
            preview.ShouldNotContain("Alex Marsh");
            preview.ShouldContain("Some people disagreed");
            await staff.ScreenshotAsync("the preview");

            await staff.SubmitAsync("Publish");
            (await staff.Heading.InnerTextAsync()).ShouldBe(Title);
            (await staff.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Published");
            (await staff.Page.Locator("#publish-state").InnerTextAsync()).ShouldContain("Published");
            (await staff.Link("See it as the public do").GetAttributeAsync("href")).ShouldBe($"/p/{Steps.OrganisationSlug}/projects/{project.Id}");
        }

        await using var visitor = await app.StartJourneyAsync(output, name: "publish-project-visitor");
        await visitor.GotoAsync($"/p/{Steps.OrganisationSlug}");
        await visitor.ClickAsync(visitor.Page.Locator("#landing-projects").GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }));
        visitor.Location.ShouldBe($"/p/{Steps.OrganisationSlug}/projects/{project.Id}");
        (await visitor.Heading.InnerTextAsync()).ShouldBe(Title);
        var page = await visitor.Page.Locator("main").InnerTextAsync();
        page.ShouldContain(Summary);
        page.ShouldContain("It closes by noon");
        page.ShouldContain("Porridge and toast every week");
        page.ShouldContain("Robin Hale, co-designer");
        page.ShouldContain("And 1 other partner");
        page.ShouldNotContain("Alex Marsh");
        page.ShouldNotContain("wanted a cooked breakfast");
        await visitor.ScreenshotAsync("the public project page");

        await visitor.Page.SetViewportSizeAsync(320, 800);
        await visitor.GotoAsync(visitor.Location);
        (await visitor.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
        await visitor.ScreenshotAsync("the public project page at 320px");

        await visitor.FollowAsync("All our projects");
        (await visitor.Page.Locator("#published-projects").InnerTextAsync()).ShouldContain(Title);
        (await visitor.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
    }
}
