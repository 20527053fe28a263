using System.Globalization;

namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journey (issue 11): an action a partner said they would do is past its day, so staff see it on their home page;
/// staff add actions from the project page (the form refuses nothing filled in, with why), one for the partner and one
/// for themselves, and mark their own done. The partner then sees their own actions on their home page, says they have
/// done the overdue one, and it leaves the staff home page. With and without JavaScript; the partner's page at 320
/// pixels wide.
/// </summary>
public sealed class ActionJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Staff_see_an_overdue_action_add_actions_for_the_team_and_the_partner_says_they_have_done_theirs(bool javaScript)
    {
        var suffix = javaScript ? "" : " (plain)";
        var partnerName = "Robin Hale" + suffix;
        var partnerEmail = javaScript ? "robin.actions@riverside.example" : "robin.actions.plain@riverside.example";
        var overdue = "Bring the Saturday rota" + suffix;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var org = $"/o/{Steps.OrganisationSlug}";
        var account = await Steps.AdministratorOfAsync(app, output);
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var project = await app.Server.CreateProjectAsync(organisation, "Saturday opening" + suffix);
        var partnerAccount = await app.Server.CreateUserAsync(email: partnerEmail);
        await app.Server.AddMembershipAsync(organisation, partnerAccount, OrganisationRole.Partner);
        var partner = await app.Server.CreatePersonAsync(organisation, name: partnerName, userId: partnerAccount.Id);
        var place = await app.Server.AddTeamMemberAsync(organisation, project.Id, personId: partner.Id, role: "Co-designer");
        await app.Server.AddActionAsync(organisation, project.Id, place.Id, today.AddDays(-3), overdue);

        await using var staff = await app.StartJourneyAsync(output, javaScript, "actions-staff" + (javaScript ? "" : "-plain"));
        await Steps.SignInAsync(staff, account);
        (await staff.Page.Locator("#overdue-actions").InnerTextAsync()).ShouldContain(overdue);
        await staff.ScreenshotAsync("home with an overdue action");

        await staff.GotoAsync($"{org}/projects/{project.Id}/team/add-staff");
        await staff.SubmitAsync("Add to the team");
        await staff.GotoAsync($"{org}/projects/{project.Id}");
        (await staff.Page.Locator("#action-counts").InnerTextAsync()).ShouldContain("1 to do, 1 overdue");
        await staff.FollowAsync("Add an action");
        await staff.SubmitAsync("Add the action");
        (await staff.ErrorSummary.InnerTextAsync()).ShouldContain("Choose who will do it");
        await staff.FillAsync("What will be done?", "Ask the caretaker about keys" + suffix);
        await staff.Page.GetByLabel($"{partnerName}, Co-designer (partner)").CheckAsync();
        await staff.FillAsync("By when?", today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.SubmitAsync("Add the action");
        (await staff.Page.Locator("#open-actions").InnerTextAsync()).ShouldContain("Ask the caretaker about keys" + suffix);

        await staff.FollowAsync("Add an action");
        await staff.FillAsync("What will be done?", "Book the hall" + suffix);
        await staff.Page.GetByLabel("(staff)").CheckAsync();
        await staff.FillAsync("By when?", today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.SubmitAsync("Add the action");
        await staff.SubmitAsync($"\"Book the hall{suffix}\": Mark as done");
        (await staff.Page.Locator("#done-actions").InnerTextAsync()).ShouldContain("Book the hall" + suffix);
        await staff.ScreenshotAsync("the project's actions");

        await using (var theirs = await app.StartJourneyAsync(output, javaScript, "actions-partner" + (javaScript ? "" : "-plain")))
        {
            await theirs.GotoAsync("/account/sign-in");
            await theirs.FillAsync("Email address", partnerEmail);
            await theirs.FillAsync("Password", partnerAccount.Password);
            await theirs.SubmitAsync("Sign in");
            theirs.Location.ShouldBe(org);
            (await theirs.Page.Locator("#my-actions").InnerTextAsync()).ShouldContain("(1 overdue)");
            var mine = await theirs.Page.Locator("#my-actions-list").InnerTextAsync();
            mine.ShouldContain(overdue);
            mine.ShouldContain("Ask the caretaker about keys" + suffix);
            mine.ShouldNotContain("Book the hall");

            await theirs.Page.SetViewportSizeAsync(320, 800);
            await theirs.SubmitAsync($"\"{overdue}\": I have done this");
            (await theirs.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"\"{overdue}\" is done");
            (await theirs.Page.Locator("#my-actions-list").InnerTextAsync()).ShouldNotContain(overdue);
            (await theirs.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
            await theirs.ScreenshotAsync("their project at 320px after saying it is done");
        }

        await staff.GotoAsync(org);
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldNotContain(overdue);
    }
}
