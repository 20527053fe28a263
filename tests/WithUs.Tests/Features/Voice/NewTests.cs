using WithUs.Web.Features.People;
using static WithUs.Tests.Features.Voice.CaptureSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>Voice/New: staff record what someone said: who, when, how and the themes.</summary>
public sealed class NewTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task NewPage_StartsWithTheTextAndTodayAndAnonymous()
    {
        using var staff = await app.SignedInAsync();

        var page = await staff.Client.GetPageAsync(staff.New);

        var text = page.QuerySelector("main form textarea")!;
        text.GetAttribute("name").ShouldBe("Input.Text");
        text.HasAttribute("autofocus").ShouldBeTrue();
        text.GetAttribute("hx-post").ShouldBe(staff.New + "?handler=Similar");
        page.QuerySelector("#similar")!.GetAttribute("aria-live").ShouldBe("polite");
        page.FieldValue("Input.SaidOn").ShouldBe(Today);
        page.QuerySelector("input[name='Input.Who'][value='Anonymous']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("script[src^='/lib/htmx/htmx.min.js']").ShouldNotBeNull();
        var enterPresses = page.QuerySelector("main form button[type='submit']")!;
        enterPresses.HasAttribute("name").ShouldBeFalse("Enter in a field must save, never say \"me too\"");
        enterPresses.TextContent.ShouldBe("Save");
    }

    [DatabaseFact]
    public async Task Capture_Anonymous_IsSavedAsStaffWorkAndShownWithANotice()
    {
        using var staff = await app.SignedInAsync();

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Text"] = "  The bus stop needs a shelter  ",
            ["Input.Kind"] = "Need",
            ["Input.Channel"] = "DropIn",
            ["Input.SaidOn"] = LocalDay.Today().AddDays(-3).Iso(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await ContributionsAsync(app, staff.Organisation)).ShouldHaveSingleItem();
        response.Location().ShouldBe($"{staff.Voice}/{saved.Id}");
        saved.Text.ShouldBe("The bus stop needs a shelter");
        saved.Kind.ShouldBe(ContributionKind.Need);
        saved.Channel.ShouldBe(Channel.DropIn);
        saved.SaidOnUtc.ShouldBe(LocalDay.Today().AddDays(-3).Stored());
        saved.PersonId.ShouldBeNull();
        saved.Source.ShouldBe(ContributionSource.Staff);
        saved.RecordedByUserId.ShouldBe(staff.User.Id);
        saved.LinkedToId.ShouldBeNull();
        saved.Provenance.ShouldBe(Provenance.FirstHand);
        var page = await staff.Client.GetPageAsync(response.Location());
        page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Saved what someone anonymous said.");
        page.QuerySelector("main")!.TextContent.ShouldContain("The bus stop needs a shelter");
    }

    [DatabaseFact]
    public async Task Capture_BySomeoneWeKnow_IsLinkedToThem_AndTheirIdPreselectsThem()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, "Maryam Haddad");
        var preselected = await staff.Client.GetPageAsync($"{staff.New}?personId={person.Id}");
        preselected.QuerySelector("input[name='Input.Who'][value='Known']")!.HasAttribute("checked").ShouldBeTrue();
        preselected.QuerySelector($"#Input_PersonId option[value='{person.Id}']")!.HasAttribute("selected").ShouldBeTrue();

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Text"] = "More evening sessions please",
            ["Input.Who"] = "Known",
            ["Input.PersonId"] = person.Id.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ContributionsAsync(app, staff.Organisation)).ShouldHaveSingleItem().PersonId.ShouldBe(person.Id);
    }

    [DatabaseFact]
    public async Task Capture_BySomeoneNew_RecordsThemWithTheirConsentAndHowToContactThem()
    {
        using var staff = await app.SignedInAsync();

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Text"] = "A women-only swim session",
            ["Input.Who"] = "New",
            ["Input.NewName"] = "  Aisha B  ",
            ["Input.NewConsent"] = "true",
            ["Input.NewMayContact"] = "true",
            ["Input.NewContactBy"] = "Email",
            ["Input.NewEmail"] = "aisha@example.org",
            ["Input.NewPhone"] = "not used",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await ContributionsAsync(app, staff.Organisation)).ShouldHaveSingleItem();
        var person = await app.InOrganisationAsync(staff.Organisation, db => db.People.AsNoTracking().SingleAsync());
        saved.PersonId.ShouldBe(person.Id);
        person.Name.ShouldBe("Aisha B");
        person.ConsentToRecord.ShouldBeTrue();
        var consents = await app.ConsentsAsync(staff.Organisation, person.Id);
        consents.Select(c => (c.Kind, c.Given, c.Way, c.RecordedByUserId))
            .ShouldBe([(ConsentKind.Record, true, ConsentWay.InPerson, staff.User.Id), (ConsentKind.Contact, true, ConsentWay.InPerson, staff.User.Id)]);
        person.MayContact.ShouldBeTrue();
        person.ContactBy.ShouldBe(ContactMethod.Email);
        person.Email.ShouldBe("aisha@example.org");
        person.Phone.ShouldBeNull("only what the chosen way of contact needs is kept");
        (await app.AuditEntriesAsync("Created")).ShouldContain(e => e.EntityId == person.Id.ToString() && e.ActorUserId == staff.User.Id);
    }

    [DatabaseFact]
    public async Task Capture_OnTheirBehalf_KeepsWhoToldUs_AndTheThemesChosen()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var transport = await app.CreateThemeAsync(staff.Organisation, "Getting here");
        await app.CreateThemeAsync(staff.Organisation, "Unused");

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Text"] = "He would come if there was lunch and a lift",
            ["Input.Provenance"] = "OnTheirBehalf",
            ["Input.RelayedBy"] = "his support worker",
        }, new("Input.ThemeIds", food.Id.ToString()), new("Input.ThemeIds", transport.Id.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await ContributionsAsync(app, staff.Organisation)).ShouldHaveSingleItem();
        saved.Provenance.ShouldBe(Provenance.OnTheirBehalf);
        saved.RelayedBy.ShouldBe("his support worker");
        saved.Themes.Select(t => t.ThemeId).Order().ShouldBe(new[] { food.Id, transport.Id }.Order());
        var page = await staff.Client.GetPageAsync(response.Location());
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("Told to us on their behalf, by his support worker");
        main.ShouldContain("Food");
        main.ShouldContain("Getting here");
        main.ShouldNotContain("Unused");
    }

    [DatabaseTheory]
    [InlineData("Input.Text", "", "Enter what they said")]
    [InlineData("Input.Text", "too long", "What they said must be 4,000 characters or fewer")]
    [InlineData("Input.Text", "bell\u0007 and \u001b[31m escape", "What they said contains characters that are not text. Type or paste it as plain text")]
    [InlineData("Input.SaidOn", "", "Enter the date it was said")]
    [InlineData("Input.SaidOn", "2026-02-30", "The date it was said must be a real date, like 21/11/2026")]
    [InlineData("Input.SaidOn", "tomorrow", "The date it was said must be today or in the past")]
    [InlineData("Input.Kind", "Rant", "Check this answer: it is not one of the choices")]
    [InlineData("Input.Who", "Known", "Choose who said it")]
    public async Task Capture_WithBadInput_Answers400_KeepsWhatWasTyped_AndSavesNothing(string field, string value, string message)
    {
        using var staff = await app.SignedInAsync();
        value = value switch
        {
            "too long" => new string('a', 4001),
            "tomorrow" => LocalDay.Today().AddDays(1).Iso(),
            _ => value,
        };
        var values = new Dictionary<string, string> { ["Input.Text"] = "Keep this text", ["Input.Channel"] = "Phone", [field] = value };

        using var response = await CaptureAsync(staff, values);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([message]);
        page.Title!.ShouldStartWith("Error: ");
        if (field != "Input.Text")
        {
            page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("Keep this text");
        }

        page.QuerySelector("#Input_Channel option[value='Phone']")!.HasAttribute("selected").ShouldBeTrue();
        (await ContributionsAsync(app, staff.Organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Capture_WithANulCharacter_IsRefusedAndNothingIsSaved()
    {
        using var staff = await app.SignedInAsync();

        using var response = await CaptureAsync(staff, new Dictionary<string, string> { ["Input.Text"] = "binary\u0000data" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ContributionsAsync(app, staff.Organisation)).ShouldBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("", "true", "Email", "a@example.org", "Enter their name or a pseudonym")]
    [InlineData("Aisha", "", "", "", "Tick to show they agreed we can keep what they said with their name, or record it as anonymous")]
    [InlineData("Aisha", "true", "", "", "Choose how they would like to be contacted")]
    [InlineData("Aisha", "true", "Email", "", "Enter their email address")]
    [InlineData("Aisha", "true", "Email", "aisha at example", "Enter an email address in the right format, like name@example.org")]
    [InlineData("Aisha", "true", "TextMessage", "", "Enter their phone number")]
    [InlineData("Aisha", "true", "Phone", "call me maybe", "Enter a phone number, like 07700 900982, or with its country code, like +33 1 42 68 53 00")]
    [InlineData("long", "true", "InPerson", "", "Their name must be 100 characters or fewer")]
    public async Task Capture_BySomeoneNew_WithMissingConsentOrContact_IsRefusedAndNoOneIsRecorded(
        string name, string mayContact, string contactBy, string detail, string message)
    {
        using var staff = await app.SignedInAsync();
        var values = new Dictionary<string, string>
        {
            ["Input.Text"] = "Something",
            ["Input.Who"] = "New",
            ["Input.NewName"] = name == "long" ? new string('n', 101) : name,
        };
        if (!message.StartsWith("Tick", StringComparison.Ordinal))
        {
            values["Input.NewConsent"] = "true";
        }

        if (mayContact.Length > 0)
        {
            values["Input.NewMayContact"] = mayContact;
            values["Input.NewContactBy"] = contactBy;
            values[contactBy == "Email" ? "Input.NewEmail" : "Input.NewPhone"] = detail;
        }

        using var response = await CaptureAsync(staff, values);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([message]);
        page.QuerySelector("input[name='Input.Who'][value='New']")!.HasAttribute("checked").ShouldBeTrue();
        (await ContributionsAsync(app, staff.Organisation)).ShouldBeEmpty();
        (await app.InOrganisationAsync(staff.Organisation, db => db.People.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task Capture_ByAPersonOfAnotherOrganisation_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        var elsewhere = await app.CreateOrganisationAsync();
        var stranger = await app.CreatePersonAsync(elsewhere, "Stranger");

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Who"] = "Known",
            ["Input.PersonId"] = stranger.Id.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose who said it"]);
        (await ContributionsAsync(app, staff.Organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task SaveAndAddAnother_ComesBackToTheFormRememberingTheDayAndChannel_WithNobodySelected()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, "Remembered Person");
        var yesterday = LocalDay.Today().AddDays(-1).Iso();

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Channel"] = "GroupMeeting",
            ["Input.SaidOn"] = yesterday,
            ["Input.Who"] = "Known",
            ["Input.PersonId"] = person.Id.ToString(),
            ["Then"] = "Another",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.New}?saidOn={yesterday}");
        var next = await staff.Client.GetPageAsync(response.Location());
        next.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Saved what Remembered Person said.");
        next.FieldValue("Input.SaidOn").ShouldBe(yesterday);
        next.QuerySelector("#Input_Channel option[value='GroupMeeting']")!.HasAttribute("selected").ShouldBeTrue();
        // The next person's words must not be put down to the last person, selected below the fold and unannounced.
        next.QuerySelector($"#Input_PersonId option[value='{person.Id}']")!.HasAttribute("selected").ShouldBeFalse();
        next.QuerySelector("input[name='Input.Who'][value='Anonymous']")!.HasAttribute("checked").ShouldBeTrue();
        next.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task CapturePages_ForAPartner_AreForbidden()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Staff only");
        var partner = await app.CreateUserAsync();
        await app.AddMembershipAsync(staff.Organisation, partner, OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        foreach (var url in new[] { staff.Voice, staff.New, $"{staff.Voice}/{idea.Id}" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                new Uri(WithUsFactory.SiteAddress, response.Location()).AbsolutePath.ShouldBe("/error/403", url);
            }
        }

        var token = (await client.GetPageAsync($"/o/{staff.Organisation.Slug}")).AntiforgeryToken();
        using var fragment = await client.PostFormAsync(staff.New + "?handler=Similar", [new(Html.AntiforgeryField, token), new("Input.Text", "Staff only")]);
        fragment.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await fragment.Content.ReadAsStringAsync()).ShouldNotContain("Staff only");
    }
}
