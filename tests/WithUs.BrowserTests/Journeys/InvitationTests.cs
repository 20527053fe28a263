namespace WithUs.BrowserTests.Journeys;

/// <summary>Journey 3: the administrator invites a partner and a member of staff; each joins from the emailed link.</summary>
public sealed class InvitationTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly Person Partner = new("Sam Reid", "sam@riverside.example", "meadow kettle violin");
    private static readonly Person Staff = new("Priya Shah", "priya@riverside.example", "harbour lantern thistle mosaic");

    [Fact]
    public async Task Invited_partner_and_member_of_staff_join_from_the_emailed_link_and_staff_must_set_up_two_factor()
    {
        await using var admin = await app.StartJourneyAsync(output, name: "invite-admin");
        await Steps.SignInAsync(admin, await Steps.AdministratorOfAsync(app, output));

        await admin.ClickAsync(admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Organisation" })
            .GetByRole(AriaRole.Link, new() { Name = "Team and roles", Exact = true }));
        admin.Location.ShouldBe($"/o/{Steps.OrganisationSlug}/members");
        (await admin.Heading.InnerTextAsync()).ShouldBe("Team and roles");

        await Steps.InviteAsync(admin, Partner.Email, "Partner");
        await Steps.InviteAsync(admin, Staff.Email, "Staff");
        var pending = await admin.Page.Locator("table").Nth(1).InnerTextAsync();
        pending.ShouldContain(Partner.Email);
        pending.ShouldContain(Staff.Email);
        await admin.ScreenshotAsync("members with invitations");

        // The partner: a new account from the link, straight into the organisation.
        await using (var partner = await app.StartJourneyAsync(output, name: "invite-partner"))
        {
            var link = await Steps.InvitationLinkAsync(app, Partner.Email);
            await partner.GotoAsync(link);
            (await partner.Heading.InnerTextAsync()).ShouldBe($"Join {Steps.OrganisationName}");
            (await partner.Page.Locator("main").InnerTextAsync()).ShouldContain("You have been invited to join as a partner");
            await partner.FillAsync("Your name", Partner.Name);
            await partner.FillAsync("Create a password", Partner.Password);
            await partner.SubmitAsync($"Join {Steps.OrganisationName}");
            partner.Location.ShouldBe($"/o/{Steps.OrganisationSlug}");
            (await partner.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"Welcome to {Steps.OrganisationName}.");
            (await partner.Page.Locator("main").InnerTextAsync()).ShouldContain("You are a partner here.");

            // A link works once.
            (await partner.GotoAsync(link)).Status.ShouldBe(404);
            (await partner.Heading.InnerTextAsync()).ShouldBe("This invitation has expired or has been used");
        }

        // The member of staff: a longer password, then two-factor before anything else.
        await using (var staff = await app.StartJourneyAsync(output, name: "invite-staff"))
        {
            await staff.GotoAsync(await Steps.InvitationLinkAsync(app, Staff.Email));
            (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("You have been invited to join as a staff");
            await staff.FillAsync("Your name", Staff.Name);
            await staff.FillAsync("Create a password", "twelve chars");
            (await staff.SubmitAsync($"Join {Steps.OrganisationName}")).Status.ShouldBe(400);
            (await staff.ErrorSummary.InnerTextAsync()).ShouldContain("Password must be at least 15 characters, because you are staff or an administrator");
            (await staff.Field("Your name").InputValueAsync()).ShouldBe(Staff.Name);

            await staff.FillAsync("Create a password", Staff.Password);
            await staff.SubmitAsync($"Join {Steps.OrganisationName}");
            staff.Location.ShouldBe("/account/two-factor/set-up?required=true");
            await Steps.TurnOnTwoFactorAsync(staff, Staff);
            await staff.FollowAsync("I have saved my codes – continue");
            staff.Location.ShouldBe($"/o/{Steps.OrganisationSlug}", "someone in one organisation lands in it");
            (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("You are a member of staff here.");
        }

        // Everyone is in; nothing is left pending.
        await admin.GotoAsync($"/o/{Steps.OrganisationSlug}/members");
        var members = await admin.Page.Locator("table").First.InnerTextAsync();
        members.ShouldContain("3 people");
        members.ShouldContain(Partner.Name);
        members.ShouldContain(Staff.Name);
        (await admin.Page.GetByText("Invitations not yet accepted").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Inviting_without_an_email_address_or_a_role_shows_errors_linked_to_the_fields()
    {
        await using var admin = await app.StartJourneyAsync(output, name: "invite-errors");
        await Steps.SignInAsync(admin, await Steps.AdministratorOfAsync(app, output));
        await admin.GotoAsync($"/o/{Steps.OrganisationSlug}/members/invite");

        (await admin.SubmitAsync("Send invitation")).Status.ShouldBe(400);
        (await admin.Page.TitleAsync()).ShouldStartWith("Error: ");
        var email = admin.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Enter their email address" });
        var role = admin.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Choose what they will do here" });
        await email.ClickAsync();
        (await admin.Page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_Email");
        await role.ClickAsync();
        (await admin.Page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("Input_Role");
    }

}
