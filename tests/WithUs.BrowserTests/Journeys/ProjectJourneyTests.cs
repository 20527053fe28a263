using WithUs.Web.Features.People;

namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journey (issue 11): staff start a project from an idea that built up, say what is open and what is fixed, form the
/// team (a partner who needs a BSL interpreter, and themselves), draft the ground rules and plan a meeting, where the
/// gap between what the partner needs and what is arranged shows before it happens. The partner then sees the project
/// in plain words, downloads the meeting's calendar file and agrees to the ground rules themselves. With and without
/// JavaScript; the partner's page at 320 pixels wide.
/// </summary>
public sealed class ProjectJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Staff_start_a_project_from_an_idea_that_built_up_form_the_group_and_plan_a_meeting_the_partner_then_joins_in(bool javaScript)
    {
        var suffix = javaScript ? "" : " (plain)";
        var idea = javaScript ? "A Sunday breakfast club" : "A drop-in on Saturdays (plain)";
        var partnerName = "Robin Hale" + suffix;
        var partnerEmail = javaScript ? "robin@riverside.example" : "robin.plain@riverside.example";
        var org = $"/o/{Steps.OrganisationSlug}";
        var account = await Steps.AdministratorOfAsync(app, output);
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var said = await app.Server.CreateContributionAsync(organisation, idea);
        for (var i = 0; i < 5; i++)
        {
            var voice = await app.Server.CreatePersonAsync(organisation, name: $"Voice {i}{suffix}");
            await app.Server.CreateContributionAsync(organisation, "Me too", c => { c.LinkedToId = said.Id; c.PersonId = voice.Id; });
        }

        var partnerAccount = await app.Server.CreateUserAsync(email: partnerEmail);
        await app.Server.AddMembershipAsync(organisation, partnerAccount, OrganisationRole.Partner);
        var partner = await app.Server.CreatePersonAsync(organisation, name: partnerName, userId: partnerAccount.Id);
        await app.Server.InOrganisationAsync(organisation, async db =>
        {
            (await db.People.SingleAsync(p => p.Id == partner.Id)).AccessNeeds = AccessNeed.BritishSignLanguage;
            await db.SaveChangesAsync();
        });

        string projectPage;
        await using (var staff = await app.StartJourneyAsync(output, javaScript, "project-staff" + (javaScript ? "" : "-plain")))
        {
            await Steps.SignInAsync(staff, account);
            await staff.ClickAsync(staff.Page.GetByRole(AriaRole.Link, new() { Name = $"Start a project from {idea}" }));
            (await staff.Heading.InnerTextAsync()).ShouldBe("Start a project");
            (await staff.Field("What is it called?").InputValueAsync()).ShouldBe(idea);
            await staff.SubmitAsync("Start the project");
            (await staff.Heading.InnerTextAsync()).ShouldBe(idea);
            projectPage = staff.Location;
            (await staff.Page.Locator("#ideas").InnerTextAsync()).ShouldContain("Part of a project");

            await staff.FollowAsync("Add what is open or fixed");
            await staff.FillAsync("What is it?", "It closes by 2pm");
            await staff.Field("No, it is fixed").CheckAsync();
            await staff.Field("The budget").CheckAsync();
            await staff.FillAsync("Why is it fixed?", "The grant pays for one morning of staff time.");
            await staff.SubmitAsync("Add it");
            await staff.FollowAsync("Add what is open or fixed");
            await staff.FillAsync("What is it?", "What we offer on the morning");
            await staff.Field("Yes, the group decides it").CheckAsync();
            await staff.SubmitAsync("Add it");
            (await staff.Page.Locator("#boundaries-fixed").InnerTextAsync()).ShouldContain("The grant pays for one morning of staff time.");

            await staff.FollowAsync("The team, their roles and what they need");
            await staff.FollowAsync("Add a partner");
            await staff.FillAsync("Find someone by name", "Robin");
            await staff.SubmitAsync("Find");
            await staff.Field(partnerName).CheckAsync();
            await staff.SubmitAsync("Add to the team");
            await staff.FollowAsync("Add a member of staff");
            await staff.SubmitAsync("Add to the team");
            var team = await staff.Page.Locator("#team").InnerTextAsync();
            team.ShouldContain(partnerName);
            team.ShouldContain("BSL");

            await staff.FollowAsync("Draft the ground rules with the group");
            await staff.SubmitAsync("Save the draft");
            (await staff.Page.Locator("#ground-rules").InnerTextAsync()).ShouldContain("We listen to each other");

            await staff.GotoAsync(projectPage);
            await staff.FollowAsync("Plan a meeting");
            await staff.FillAsync("The place (in person)", "The community room");
            await staff.SubmitAsync("Check who can take part");
            (await staff.Page.Locator("#access-check").InnerTextAsync()).ShouldContain("A BSL interpreter is booked");
            await staff.SubmitAsync("Save the meeting");
            var gaps = await staff.Page.Locator("#gaps").InnerTextAsync();
            gaps.ShouldContain($"{partnerName}: A British Sign Language (BSL) interpreter");
            (await staff.Page.Locator(".withus-boundaries-fixed").InnerTextAsync()).ShouldContain("It closes by 2pm");
            await staff.ScreenshotAsync("meeting with a gap");
        }

        await using (var theirs = await app.StartJourneyAsync(output, javaScript, "project-partner" + (javaScript ? "" : "-plain")))
        {
            await theirs.GotoAsync("/account/sign-in");
            await theirs.FillAsync("Email address", partnerEmail);
            await theirs.FillAsync("Password", partnerAccount.Password);
            await theirs.SubmitAsync("Sign in");
            theirs.Location.ShouldBe(org);
            await theirs.ClickAsync(theirs.Page.GetByRole(AriaRole.Navigation, new() { Name = "Organisation" })
                .GetByRole(AriaRole.Link, new() { Name = "Your projects", Exact = true }));
            await theirs.FollowAsync(idea);
            var page = await theirs.Page.Locator("main").InnerTextAsync();
            page.ShouldContain("It closes by 2pm");
            page.ShouldContain("What we offer on the morning");
            page.ShouldNotContain("BSL");

            var download = await theirs.Page.RunAndWaitForDownloadAsync(() =>
                theirs.Page.GetByRole(AriaRole.Link, new() { Name = "Add to your calendar" }).First.ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".ics");
            var file = await File.ReadAllTextAsync((await download.PathAsync())!);
            file.ShouldContain("BEGIN:VCALENDAR");
            file.ShouldContain("TZID=Europe/London");

            await theirs.SubmitAsync("I agree to these ground rules");
            (await theirs.Page.Locator("#agreed-rules").InnerTextAsync()).ShouldContain("You agreed");

            await theirs.Page.SetViewportSizeAsync(320, 800);
            await theirs.GotoAsync(theirs.Location);
            (await theirs.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
            await theirs.ScreenshotAsync("their project at 320px");
        }
    }
}
