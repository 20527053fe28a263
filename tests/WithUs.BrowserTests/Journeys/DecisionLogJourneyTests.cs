using WithUs.Web.Features.Projects.Team;

namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journey (issue 11): after a meeting, staff record who came, then log two decisions made there with the real form.
/// The first (staff decided alone, partners in the room) is informing; the second (decided together by a vote, as many
/// partners as staff in the room, two options) is co-production. The decision log and the project page show the
/// participation profile change with each, and "How the level is worked out" explains it. A vote with more votes than
/// people in the room is refused, keeping what was typed. With and without JavaScript (the vote's counts are revealed
/// by script); screenshots at 1100 and 320 pixels wide, with no sideways scrolling at 320.
/// </summary>
public sealed class DecisionLogJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Staff_record_who_came_log_two_decisions_from_the_meeting_and_see_the_participation_profile_change(bool javaScript)
    {
        var suffix = javaScript ? "" : " (plain)";
        var title = "Saturday opening" + suffix;
        const string meetingTitle = "Meeting of the group";
        var account = await Steps.AdministratorOfAsync(app, output);
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var project = await app.Server.CreateProjectAsync(organisation, title);
        var robin = await app.Server.CreatePersonAsync(organisation, name: "Robin Hale" + suffix);
        var sam = await app.Server.CreatePersonAsync(organisation, name: "Sam Idowu" + suffix);
        var kai = await app.Server.CreateUserAsync(displayName: "Kai Brennan" + suffix);
        await app.Server.AddMembershipAsync(organisation, kai, OrganisationRole.Staff);
        var ada = await app.Server.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Users
            .Where(u => u.Email == account.Person.Email).Select(u => u.Id).SingleAsync());
        var team = new List<ProjectMember>
        {
            await app.Server.AddTeamMemberAsync(organisation, project.Id, personId: robin.Id),
            await app.Server.AddTeamMemberAsync(organisation, project.Id, personId: sam.Id),
            await app.Server.AddTeamMemberAsync(organisation, project.Id, userId: ada, role: "Organiser"),
            await app.Server.AddTeamMemberAsync(organisation, project.Id, userId: kai.Id, role: "Youth worker"),
        };
        var meeting = await app.Server.PlanMeetingAsync(organisation, project.Id, startsAtUtc: DateTime.UtcNow.AddDays(-1),
            invited: [.. team.Select(m => m.Id)]);

        await using var staff = await app.StartJourneyAsync(output, javaScript, "decisions" + (javaScript ? "" : "-plain"));
        await Steps.SignInAsync(staff, account);
        await staff.ClickAsync(staff.Page.GetByRole(AriaRole.Navigation, new() { Name = "Organisation" })
            .GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }));
        await staff.FollowAsync(title);
        var projectPage = staff.Location;
        (await staff.Page.Locator("#participation-summary").InnerTextAsync()).ShouldContain("No decisions");

        // Who came: both partners and the organiser; the youth worker could not.
        await staff.FollowAsync(meetingTitle);
        await staff.Field($"Robin Hale{suffix} (partner)").CheckAsync();
        await staff.Field($"Sam Idowu{suffix} (partner)").CheckAsync();
        await staff.Field($"{Steps.Administrator.Name} (staff)").CheckAsync();
        await staff.SubmitAsync("Save who came");
        (await staff.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Saved: 3 of 4 came.");

        // The first decision: staff decided alone, with partners sitting there. That is informing.
        await staff.ClickAsync(staff.Page.Locator("#record-decision"));
        (await staff.Heading.InnerTextAsync()).ShouldBe("Record a decision");
        await ShouldBeTickedAsync(staff, $"Robin Hale{suffix}, partner", $"Sam Idowu{suffix}, partner", $"{Steps.Administrator.Name}, staff");
        (await staff.Field($"Kai Brennan{suffix}, staff").IsCheckedAsync()).ShouldBeFalse("the youth worker did not come");
        await staff.FillAsync("What was decided?", "The drop-in closes at 2pm");
        await staff.Field("Staff decided alone").CheckAsync();
        await staff.SubmitAsync("Record the decision");
        (await staff.Page.Locator("#level").InnerTextAsync()).ShouldContain("Informing");
        (await staff.Page.Locator("#why").InnerTextAsync()).ShouldContain("2 partners were in the room but had no say");

        await staff.FollowAsync("Back to the decisions");
        (await ProfileShownAsync(staff)).ShouldBe("0 of 1 decision was co-designed or co-produced. Co-production 0, Co-design 0, Involvement 0, Consultation 0, Informing 1");
        await staff.GotoAsync(projectPage);
        (await ProfileShownAsync(staff)).ShouldBe("0 of 1 decision was co-designed or co-produced. Co-production 0, Co-design 0, Involvement 0, Consultation 0, Informing 1");

        // The second: decided together by a vote, as many partners as staff in the room, choosing between two options.
        await staff.FollowAsync(meetingTitle);
        await staff.ClickAsync(staff.Page.Locator("#record-decision"));
        await staff.FillAsync("What was decided?", "The drop-in opens on Saturdays from 10am");
        await staff.FillAsync("Which options were considered? (optional)", "Saturdays from 10am\nSundays after church");
        var votesFor = staff.Field("How many voted for it?");
        (await votesFor.IsVisibleAsync()).ShouldBe(!javaScript, "the counts are revealed by script when it runs, and always shown without it");
        await staff.Field("Staff and partners decided together, by a vote").CheckAsync();
        (await votesFor.IsVisibleAsync()).ShouldBeTrue();
        await staff.FillAsync("How many voted for it?", "5");
        await staff.FillAsync("How many voted against it?", "0");
        await staff.FillAsync("How many did not vote either way?", "0");
        (await staff.SubmitAsync("Record the decision")).Status.ShouldBe(400);
        (await staff.ErrorSummary.InnerTextAsync()).ShouldContain("That is 5 votes, but 3 people were in the room");
        (await staff.Field("What was decided?").InputValueAsync()).ShouldBe("The drop-in opens on Saturdays from 10am");
        (await staff.Field("Staff and partners decided together, by a vote").IsCheckedAsync()).ShouldBeTrue();
        await ShouldBeTickedAsync(staff, $"Robin Hale{suffix}, partner", $"Sam Idowu{suffix}, partner", $"{Steps.Administrator.Name}, staff");
        await staff.FillAsync("How many voted for it?", "2");
        await staff.FillAsync("How many voted against it?", "1");
        await staff.FillAsync("Did anyone disagree? (optional)", "Ada would rather open on Sundays, when the hall is free.");
        await staff.SubmitAsync("Record the decision");
        (await staff.Page.Locator("#level").InnerTextAsync()).ShouldContain("Co-production");
        (await staff.Page.Locator("#how").InnerTextAsync()).ShouldContain("2 for, 1 against, 0 neither");

        await staff.FollowAsync("Back to the decisions");
        (await ProfileShownAsync(staff)).ShouldBe("1 of 2 decisions were co-designed or co-produced. Co-production 1, Co-design 0, Involvement 0, Consultation 0, Informing 1");
        var log = await staff.Page.Locator("#decisions").InnerTextAsync();
        log.ShouldContain("2 decisions, newest first");
        log.ShouldContain("The drop-in opens on Saturdays from 10am");
        log.ShouldContain("The drop-in closes at 2pm");
        var decisionLog = staff.Location;
        await staff.Page.SetViewportSizeAsync(1100, 900);
        await staff.ScreenshotAsync("decision log at 1100px");

        await staff.GotoAsync(projectPage);
        (await ProfileShownAsync(staff)).ShouldBe("1 of 2 decisions were co-designed or co-produced. Co-production 1, Co-design 0, Involvement 0, Consultation 0, Informing 1");
        await StatusesShouldFitOnOneLineAsync(staff);
        await staff.ScreenshotAsync("project page at 1100px");

        await staff.FollowAsync("How the level is worked out");
        (await staff.Heading.InnerTextAsync()).ShouldBe("How the level is worked out");
        (await staff.Page.Locator("#rule-table").InnerTextAsync()).ShouldContain("Staff decided alone, without asking partners, even with partners in the room");

        await staff.Page.SetViewportSizeAsync(320, 800);
        foreach (var (page, label) in new[] { (decisionLog, "decision log"), (projectPage, "project page"), ($"{projectPage}/decisions/new?meetingId={meeting.Id}", "decision form") })
        {
            await staff.GotoAsync(page);
            (await staff.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, $"no sideways scrolling on the {label} at 320px");
            await StatusesShouldFitOnOneLineAsync(staff);
            await staff.ScreenshotAsync($"{label} at 320px");
        }
    }

    /// <summary>The participation profile on the page: its summary, then each level's name and the count beside it, top rung first.</summary>
    private static async Task<string> ProfileShownAsync(Journey journey)
    {
        var levels = new List<string>();
        foreach (var row in await journey.Page.Locator("#participation-levels tbody tr").AllAsync())
        {
            var name = (await row.Locator(".govuk-tag").InnerTextAsync()).Trim();
            levels.Add($"{name} {(await row.Locator("td.govuk-table__cell--numeric").InnerTextAsync()).Trim()}");
        }

        return $"{(await journey.Page.Locator("#participation-summary").InnerTextAsync()).Trim()} {string.Join(", ", levels)}";
    }

    /// <summary>Each status in a task list ("To do") on one line beside its task, however long the task's name.</summary>
    private static async Task StatusesShouldFitOnOneLineAsync(Journey journey)
    {
        foreach (var tag in await journey.Page.Locator(".govuk-task-list__status .govuk-tag").AllAsync())
        {
            (await tag.EvaluateAsync<bool>("t => t.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(t).lineHeight)"))
                .ShouldBeTrue($"\"{await tag.InnerTextAsync()}\" wraps onto a second line");
        }
    }

    private static async Task ShouldBeTickedAsync(Journey journey, params string[] labels)
    {
        foreach (var label in labels)
        {
            (await journey.Field(label).IsCheckedAsync()).ShouldBeTrue($"{label} came to the meeting, so is ticked as in the room");
        }
    }
}
