using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Organisations;

namespace WithUs.BrowserTests.Journeys;

/// <summary>Journey: a partner tells the organisation something in their own words and sees what happened to what they said.</summary>
public sealed class MyVoiceJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly Person Partner = new("Rosa Diaz", "rosa@hillside.example", "saffron meadow lantern");

    /// <summary>An organisation with Rosa as a partner, who once said something staff have since acted on and told her.</summary>
    private async Task<string> OrganisationWithAPartnerAsync(bool javaScript)
    {
        using var scope = app.Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<WithUsDbContext>();
        var name = javaScript ? "Hillside Partners" : "Hillside Partners Plain";
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Name = name, Slug = Slugs.From(name), CreatedAtUtc = DateTime.UtcNow };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var email = (javaScript ? "" : "plain-") + Partner.Email;
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            DisplayName = Partner.Name,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAtUtc = DateTime.UtcNow,
        };
        (await services.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, Partner.Password)).Succeeded.ShouldBeTrue();

        services.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Administrator);
        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), UserId = user.Id, Role = OrganisationRole.Partner, CreatedAtUtc = DateTime.UtcNow });
        var person = WithUs.Web.Features.People.PeopleRegister.Add(db, Partner.Name, null,
            WithUs.Web.Features.People.ConsentSource.Themselves, DateTime.UtcNow, user.Id);
        db.Contributions.Add(new Contribution
        {
            Id = Guid.CreateVersion7(),
            Text = "Could the café take cards?",
            Kind = ContributionKind.Idea,
            Channel = Channel.Conversation,
            SaidOnUtc = new DateTime(2026, 1, 12, 0, 0, 0, DateTimeKind.Utc),
            PersonId = person.Id,
            CreatedAtUtc = DateTime.UtcNow.AddDays(-30),
            Outcome = OutcomeStatus.Done,
            OutcomeExplanation = "The café takes cards now.",
            ToldAtUtc = new DateTime(2026, 2, 2, 11, 0, 0, DateTimeKind.Utc),
            ToldHow = TellingMethod.InPerson,
            ToldOutcome = OutcomeStatus.Done,
        });
        await db.SaveChangesAsync();
        return organisation.Slug;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_partner_adds_something_in_their_own_words_and_sees_what_happened_to_each_thing(bool javaScript)
    {
        var slug = await OrganisationWithAPartnerAsync(javaScript);
        await using var partner = await app.StartJourneyAsync(output, javaScript, javaScript ? "my-voice" : "my-voice-no-js");

        await partner.GotoAsync("/account/sign-in");
        await partner.FillAsync("Email address", (javaScript ? "" : "plain-") + Partner.Email);
        await partner.FillAsync("Password", Partner.Password);
        await partner.SubmitAsync("Sign in");
        partner.Location.ShouldBe($"/o/{slug}", "a partner in one organisation lands in it");

        await partner.GotoAsync($"/o/{slug}/my-voice");
        (await partner.Heading.InnerTextAsync()).ShouldBe("What I have said");
        var before = await partner.Page.Locator("main").InnerTextAsync();
        before.ShouldContain("Could the café take cards?");
        before.ShouldContain("The café takes cards now.");
        before.ShouldContain("We told you on 2 February 2026 (in person).");

        await partner.FollowAsync("Tell us something new");
        (await partner.SubmitAsync("Send")).Status.ShouldBe(400);
        (await partner.ErrorSummary.InnerTextAsync()).ShouldContain("Tell us your idea or what you think");
        await partner.FillAsync("What would you like to tell us?", "A toddler group in the mornings");
        await partner.Field("An idea").CheckAsync();
        await partner.Field("Yes, it is OK to keep what I tell you").CheckAsync();
        await partner.SubmitAsync("Send");

        partner.Location.ShouldBe($"/o/{slug}/my-voice");
        (await partner.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("We have saved what you told us.");
        var after = await partner.Page.Locator("main").InnerTextAsync();
        after.ShouldContain("A toddler group in the mornings");
        after.ShouldContain("Nothing to tell you yet.");
        if (javaScript)
        {
            await partner.ScreenshotAsync("what I have said");
        }

        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Administrator);
        (await db.People.CountAsync()).ShouldBe(1, "the partner's own person, used again");
        (await db.Contributions.SingleAsync(c => c.Text == "A toddler group in the mornings")).Source.ShouldBe(ContributionSource.Partner);
    }
}
