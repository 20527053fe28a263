using System.Text.RegularExpressions;

namespace WithUs.BrowserTests.Journeys;

public sealed record Person(string Name, string Email, string Password);

/// <summary>Someone who can sign in: their password, their authenticator app and what is left of their recovery codes.</summary>
public sealed class Account(Person person, Authenticator authenticator, IReadOnlyList<string> recoveryCodes)
{
    public Person Person { get; } = person;

    public Authenticator Authenticator { get; } = authenticator;

    public Queue<string> RecoveryCodes { get; } = new(recoveryCodes);
}

/// <summary>The steps journeys share, each checked as it goes. Labels and texts are the pages' own.</summary>
public static partial class Steps
{
    public const string OrganisationName = "Riverside Voices";
    public const string OrganisationSlug = "riverside-voices";

    public static readonly Person Administrator =
        new("Ada Okafor", "ada@riverside.example", "lantern orchard pebble compass");

    /// <summary>
    /// The administrator of this test class's WithUs, which is set up (through the browser, in a journey of its own)
    /// by whichever test asks first. For tests that need an organisation but are not about setting one up.
    /// </summary>
    public static async Task<Account> AdministratorOfAsync(BrowserApp app, ITestOutputHelper output)
    {
        await app.SetUpOnce.WaitAsync();
        try
        {
            if (app.Administrator is null)
            {
                await using var journey = await app.StartJourneyAsync(output, name: "set-up-for-class");
                app.Administrator = await SetUpOrganisationAsync(journey, app, Administrator);
            }

            return app.Administrator;
        }
        finally
        {
            app.SetUpOnce.Release();
        }
    }

    /// <summary>Journey 1: from the front door of a new WithUs to the organisation's home, with two-factor set up.</summary>
    public static async Task<Account> SetUpOrganisationAsync(
        Journey journey, BrowserApp app, Person administrator, Func<string, Task>? atPage = null)
    {
        atPage ??= _ => Task.CompletedTask;

        await journey.GotoAsync("/");
        journey.Location.ShouldBe("/setup", "a WithUs that is not set up sends everyone to /setup");
        (await journey.Heading.InnerTextAsync()).ShouldBe("Set up WithUs");
        await atPage("set-up");

        await journey.FillAsync("Set-up token", app.SetupToken);
        await journey.FillAsync("Organisation name", OrganisationName);
        await journey.FillAsync("Your name", administrator.Name);
        await journey.FillAsync("Email address", administrator.Email);
        await journey.FillAsync("Create a password", administrator.Password);
        await journey.SubmitAsync("Create organisation");

        journey.Location.ShouldBe("/account/two-factor/set-up?required=true", "administrators must set up two-factor first");
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"{OrganisationName} is ready");
        await atPage("two-factor set-up");

        // Required means required: the organisation is out of reach until two-factor is on.
        await journey.GotoAsync($"/o/{OrganisationSlug}");
        journey.Location.ShouldBe("/account/two-factor/set-up?required=true");

        var account = await TurnOnTwoFactorAsync(journey, administrator, atPage);

        await journey.FollowAsync("I have saved my codes – continue");
        journey.Location.ShouldBe($"/o/{OrganisationSlug}", "someone in one organisation lands in it");
        (await journey.Heading.InnerTextAsync()).ShouldBe(OrganisationName);
        (await journey.Page.Locator("main").InnerTextAsync()).ShouldContain("You are an administrator here.");
        await atPage("organisation home");
        return account;
    }

    /// <summary>On the two-factor set-up page: read the key, enter a code as an app would make it, keep the recovery codes.</summary>
    public static async Task<Account> TurnOnTwoFactorAsync(Journey journey, Person person, Func<string, Task>? atPage = null)
    {
        (await journey.Heading.InnerTextAsync()).ShouldBe("Set up two-factor authentication");
        var key = (await journey.Page.Locator("#authenticator-key").InnerTextAsync()).Trim();
        key.ShouldNotBeNullOrWhiteSpace();
        var authenticator = new Authenticator(key);

        // A wrong code first: the page must say so and keep the same key.
        await journey.FillAsync("6-digit code from the app", authenticator.WrongCode());
        (await journey.SubmitAsync("Turn on two-factor authentication")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain("The code is not right");
        (await journey.Page.Locator("#authenticator-key").InnerTextAsync()).Trim().ShouldBe(key);

        await journey.FillAsync("6-digit code from the app", await authenticator.NextCodeAsync());
        await journey.SubmitAsync("Turn on two-factor authentication");
        journey.Location.ShouldBe("/account/two-factor/recovery-codes");
        (await journey.Heading.InnerTextAsync()).ShouldBe("Recovery codes");
        var codes = (await journey.Page.Locator("#recovery-codes li").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        codes.Count.ShouldBe(10);
        codes.ShouldAllBe(c => c.Length >= 8);
        codes.Distinct().Count().ShouldBe(10);
        if (atPage is not null)
        {
            await atPage("recovery codes");
        }

        return new Account(person, authenticator, codes);
    }

    /// <summary>Email and password; ends on the page that asks for the authenticator code.</summary>
    public static async Task SignInWithPasswordAsync(Journey journey, Person person)
    {
        await journey.GotoAsync("/account/sign-in");
        (await journey.Heading.InnerTextAsync()).ShouldBe("Sign in");
        await journey.FillAsync("Email address", person.Email);
        await journey.FillAsync("Password", person.Password);
        await journey.SubmitAsync("Sign in");
        journey.Location.ShouldStartWith("/account/sign-in/two-factor");
    }

    /// <summary>Journey 2: email, password, authenticator code; ends signed in at the organisation's home.</summary>
    public static async Task SignInAsync(Journey journey, Account account)
    {
        await SignInWithPasswordAsync(journey, account.Person);
        await journey.FillAsync("Enter the 6-digit code from your authenticator app", await account.Authenticator.NextCodeAsync());
        await journey.SubmitAsync("Continue");
        journey.Location.ShouldBe($"/o/{OrganisationSlug}");
        (await journey.Heading.InnerTextAsync()).ShouldBe(OrganisationName);
        (await journey.Page.Locator("header").InnerTextAsync()).ShouldContain(account.Person.Name);
    }

    /// <summary>From Team and roles: invite someone by email with a role (the label of its radio), and come back.</summary>
    public static async Task InviteAsync(Journey admin, string email, string role)
    {
        await admin.FollowAsync("Invite someone");
        admin.Location.ShouldBe($"/o/{OrganisationSlug}/members/invite");
        await admin.FillAsync("Their email address", email);
        await admin.Field(role).CheckAsync();
        await admin.SubmitAsync("Send invitation");
        admin.Location.ShouldBe($"/o/{OrganisationSlug}/members");
        (await admin.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"We have sent an invitation to {email}.");
    }

    /// <summary>The link from the invitation email in the outbox, as a path on this server.</summary>
    public static async Task<string> InvitationLinkAsync(BrowserApp app, string email)
    {
        var emails = await app.EmailsToAsync(email);
        var invitation = emails.ShouldHaveSingleItem();
        invitation.Subject.ShouldBe($"Join {OrganisationName} on WithUs");
        var link = LinkPattern().Match(invitation.Body);
        link.Success.ShouldBeTrue($"no invitation link in:\n{invitation.Body}");
        var uri = new Uri(link.Value);
        uri.GetLeftPart(UriPartial.Authority).ShouldBe(app.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        return uri.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/invitation/\S+")]
    private static partial Regex LinkPattern();
}
