namespace WithUs.BrowserTests.Journeys;

/// <summary>A WithUs whose public forms accept a form at once: a test types faster than any person.</summary>
public sealed class QuickFormsBrowserApp : BrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["PublicForms:MinimumSeconds"] = "0" };
}

/// <summary>
/// Journey: a member of the public, with no account, tells an organisation an idea and asks to hear back, says
/// "me too" to a published idea, then reads "You said, we did". With and without JavaScript.
/// </summary>
public sealed class PublicSubmissionTests(QuickFormsBrowserApp app, ITestOutputHelper output) : IClassFixture<QuickFormsBrowserApp>
{
    private sealed record Published(string Slug, string Name, Guid OrganisationId, Guid IdeaId, string Summary);

    /// <summary>An organisation whose staff have published one outcome, not yet done (as the staff pages would).</summary>
    private async Task<Published> OrganisationWithAPublishedOutcomeAsync(string name)
    {
        var organisation = await app.Server.CreateOrganisationAsync(name);
        var theme = await app.Server.CreateThemeAsync(organisation, "Getting here");
        var idea = await app.Server.CreateContributionAsync(organisation, "my carer says the bus never comes on time", c =>
        {
            c.Outcome = OutcomeStatus.Planned;
            c.OutcomeAtUtc = DateTime.UtcNow;
            c.OutcomeExplanation = "Dear Ann, your carer was right: we have booked a minibus for you.";
            c.IsPublished = true;
            c.PublicSummary = "A minibus from the station";
            c.PublicOutcome = "From May our minibus will meet the 10 o'clock train.";
            c.PublishedAtUtc = DateTime.UtcNow;
        });
        await app.Server.AddThemeAsync(organisation, idea.Id, theme.Id);
        return new Published(organisation.Slug, organisation.Name, organisation.Id, idea.Id, idea.PublicSummary!);
    }

    private Task<List<Contribution>> ContributionsAsync(Guid organisationId) =>
        app.Server.InScopeAsync(async services =>
        {
            var organisation = await services.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking()
                .SingleAsync(o => o.Id == organisationId);
            return await app.Server.InOrganisationAsync(new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug),
                db => db.Contributions.AsNoTracking().Include(c => c.Person).OrderBy(c => c.CreatedAtUtc).ToListAsync());
        });

    [Fact]
    public async Task A_visitor_without_JavaScript_pages_through_you_said_we_did()
    {
        var organisation = await app.Server.CreateOrganisationAsync("Riverside Carers");
        await app.Server.CreateContributionsAsync(organisation, 30, i => $"what was said {i}", (i, c) =>
        {
            c.IsPublished = true;
            c.PublicSummary = $"Outcome number {i:00}";
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = c.PublishedAtUtc = DateTime.UtcNow.Date.AddDays(-i);
        });
        await using var visitor = await app.StartJourneyAsync(output, javaScript: false, name: "you-said-we-did-pages");

        await visitor.GotoAsync($"/p/{organisation.Slug}/you-said-we-did");
        var first = await visitor.Page.Locator("main").InnerTextAsync();
        first.ShouldContain("Outcome number 00");
        first.ShouldNotContain("Outcome number 29");
        await visitor.FollowAsync("Older things we did");
        var older = await visitor.Page.Locator("main").InnerTextAsync();
        older.ShouldContain("Outcome number 29");
        older.ShouldNotContain("Outcome number 00");
        await visitor.ScreenshotAsync("you said we did, older");
        await visitor.FollowAsync("Newer things we did");

        (await visitor.Page.Locator("main").InnerTextAsync()).ShouldBe(first);
    }

    [Fact]
    public async Task A_member_of_the_public_adds_an_idea_says_me_too_and_reads_you_said_we_did()
    {
        var published = await OrganisationWithAPublishedOutcomeAsync("Hillside Community Hub");
        await using var visitor = await app.StartJourneyAsync(output, name: "public");

        await visitor.GotoAsync($"/p/{published.Slug}");
        (await visitor.Heading.InnerTextAsync()).ShouldBe(published.Name);
        await visitor.ScreenshotAsync("public landing");
        await visitor.FollowAsync("Tell us your idea or what you think");
        visitor.Location.ShouldBe($"/p/{published.Slug}/say");

        await visitor.FillAsync("What would you like to tell us?", "A quiet room for people who find noise hard");
        await visitor.Field("An idea").CheckAsync();
        await visitor.Field("Yes, it is OK to keep what I tell you").CheckAsync();
        await visitor.Field("Yes, tell me what happens").CheckAsync();
        await visitor.FillAsync("Your name", "Kestrel");
        await visitor.Field("Email").CheckAsync();
        await visitor.FillAsync("Email address", "kestrel@example.org");
        await visitor.ScreenshotAsync("public say filled in");
        await visitor.SubmitAsync("Send");

        visitor.Location.ShouldBe($"/p/{published.Slug}/thanks");
        (await visitor.Page.Locator("h1").InnerTextAsync()).ShouldBe("Thank you");
        (await visitor.Page.Locator("main").InnerTextAsync()).ShouldContain("What happens next");
        var idea = (await ContributionsAsync(published.OrganisationId)).Single(c => c.Text.StartsWith("A quiet room", StringComparison.Ordinal));
        idea.Source.ShouldBe(ContributionSource.PublicForm);
        idea.Person.ShouldNotBeNull().Name.ShouldBe("Kestrel");
        idea.Person.Email.ShouldBe("kestrel@example.org");

        await visitor.FollowAsync($"Back to {published.Name}");
        await visitor.FollowAsync(published.Summary);
        visitor.Location.ShouldBe($"/p/{published.Slug}/ideas/{published.IdeaId}");
        (await visitor.Page.Locator("main").InnerTextAsync()).ShouldContain("1 person said this");
        await visitor.FillAsync("Anything to add? (optional)", "I miss my appointments because of the bus");
        await visitor.Field("No, thank you").CheckAsync();
        (await visitor.Field("Yes, it is OK to keep what I tell you").IsVisibleAsync()).ShouldBeFalse("a bare \"me too\" keeps nothing personal");
        await visitor.SubmitAsync("Me too");
        visitor.Location.ShouldBe($"/p/{published.Slug}/thanks");
        var voice = (await ContributionsAsync(published.OrganisationId)).Single(c => c.LinkedToId == published.IdeaId);
        voice.PersonId.ShouldBeNull();

        await visitor.FollowAsync("You said, we did");
        visitor.Location.ShouldBe($"/p/{published.Slug}/you-said-we-did");
        var main = await visitor.Page.Locator("main").InnerTextAsync();
        main.ShouldContain("Getting here");
        main.ShouldContain(published.Summary);
        main.ShouldContain("We are going to do it.");
        main.ShouldContain("From May our minibus will meet the 10 o'clock train.");
        main.ShouldContain("2 people said this");
        main.ShouldNotContain("carer");
        main.ShouldNotContain("Dear Ann");
        main.ShouldNotContain("Kestrel");
        await visitor.ScreenshotAsync("you said we did");
    }

    [Fact]
    public async Task The_public_pages_work_without_JavaScript()
    {
        var published = await OrganisationWithAPublishedOutcomeAsync("Brookside Voices");
        await using var visitor = await app.StartJourneyAsync(output, javaScript: false, name: "public-no-js");

        await visitor.GotoAsync($"/p/{published.Slug}");
        await visitor.FollowAsync("Tell us your idea or what you think");

        // Without JavaScript the contact questions come as a second step after "yes"; a mistake is explained and what
        // was typed is kept.
        (await visitor.Field("Your name").IsVisibleAsync()).ShouldBeFalse();
        await visitor.FillAsync("What would you like to tell us?", "Ramps at both doors");
        await visitor.Field("Yes, it is OK to keep what I tell you").CheckAsync();
        await visitor.Field("Yes, tell me what happens").CheckAsync();
        (await visitor.SubmitAsync("Send")).Status.ShouldBe(400);
        var errors = await visitor.ErrorSummary.InnerTextAsync();
        errors.ShouldContain("Choose what kind of thing you are telling us");
        errors.ShouldNotContain("Enter your name", Case.Sensitive, "they have not been asked it yet");
        (await visitor.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Tell us your name and how to tell you");
        (await visitor.Field("Your name").IsVisibleAsync()).ShouldBeTrue();
        (await visitor.Field("What would you like to tell us?").InputValueAsync()).ShouldBe("Ramps at both doors");

        await visitor.Field("Something good").CheckAsync();
        await visitor.Field("Text message").CheckAsync();
        await visitor.FillAsync("Phone number", "07700 900 456");
        (await visitor.SubmitAsync("Send")).Status.ShouldBe(400);
        errors = await visitor.ErrorSummary.InnerTextAsync();
        errors.ShouldContain("Enter your name, or a made-up name");
        errors.ShouldNotContain("That was very quick");
        (await visitor.Field("Phone number").InputValueAsync()).ShouldBe("07700 900 456");

        await visitor.FillAsync("Your name", "Otter");
        await visitor.SubmitAsync("Send");
        visitor.Location.ShouldBe($"/p/{published.Slug}/thanks");
        var said = (await ContributionsAsync(published.OrganisationId)).Single(c => c.Text == "Ramps at both doors");
        said.Kind.ShouldBe(ContributionKind.Praise);
        said.Person.ShouldNotBeNull().Phone.ShouldBe("07700 900 456");

        await visitor.GotoAsync($"/p/{published.Slug}/ideas/{published.IdeaId}");
        await visitor.SubmitAsync("Me too");
        visitor.Location.ShouldBe($"/p/{published.Slug}/thanks");

        await visitor.FollowAsync("You said, we did");
        (await visitor.Page.Locator("main").InnerTextAsync()).ShouldContain("2 people said this");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_contact_questions_appear_only_after_yes(bool javaScript)
    {
        var published = await OrganisationWithAPublishedOutcomeAsync(javaScript ? "Riverside Contact" : "Riverside Contact No Script");
        await using var visitor = await app.StartJourneyAsync(output, javaScript, name: javaScript ? "contact-js" : "contact-no-js");
        var idea = $"/p/{published.Slug}/ideas/{published.IdeaId}";

        await visitor.GotoAsync(idea);
        var name = visitor.Field("Your name");
        var consent = visitor.Field("Yes, it is OK to keep what I tell you");
        (await name.IsVisibleAsync()).ShouldBeFalse();
        (await consent.IsVisibleAsync()).ShouldBeFalse();
        await visitor.FillAsync("Anything to add? (optional)", "The last bus leaves too early");
        await visitor.Field("Yes, tell me what happens").CheckAsync();
        if (javaScript)
        {
            (await name.IsVisibleAsync()).ShouldBeTrue("revealed as soon as they say yes");
            await visitor.Field("No, thank you").CheckAsync();
            (await name.IsVisibleAsync()).ShouldBeFalse("hidden again when they change their mind");
            await visitor.Field("Yes, tell me what happens").CheckAsync();
        }
        else
        {
            (await name.IsVisibleAsync()).ShouldBeFalse("without script nothing can appear until the form is sent");
            (await visitor.SubmitAsync("Me too")).Status.ShouldBe(200);
            (await visitor.ErrorSummary.CountAsync()).ShouldBe(0, "a second step, not a mistake");
            (await visitor.Field("Anything to add? (optional)").InputValueAsync()).ShouldBe("The last bus leaves too early");
        }

        (await name.IsVisibleAsync()).ShouldBeTrue();
        (await consent.IsVisibleAsync()).ShouldBeTrue("consent is asked with the details it is about");
        await visitor.ScreenshotAsync("contact questions");
        await name.FillAsync("Heron");
        await visitor.Field("Email").CheckAsync();
        await visitor.FillAsync("Email address", "heron@example.org");
        await consent.CheckAsync();
        await visitor.SubmitAsync("Me too");

        visitor.Location.ShouldBe($"/p/{published.Slug}/thanks");
        var voice = (await ContributionsAsync(published.OrganisationId)).Single(c => c.LinkedToId == published.IdeaId);
        voice.Text.ShouldBe("The last bus leaves too early");
        voice.Person.ShouldNotBeNull().Email.ShouldBe("heron@example.org");
    }
}
