using System.Globalization;
using AngleSharp.Html.Dom;
using WithUs.Web.Features.Projects.Actions;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Tests.Features.Projects.Actions;

/// <summary>Projects/Actions: who will do what by when, partners and staff alike; overdue ones where people look.</summary>
public sealed class ActionsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A project with a partner (Kasia, signed in as herself) and the member of staff signed in, both in its team.</summary>
    private async Task<(SignedIn Staff, SignedIn Partner, Guid ProjectId, ProjectMember Kasia, ProjectMember Tom)> TeamAsync()
    {
        var staff = await app.SignedInAsync();
        var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var kasia = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak", userId: partner.User.Id);
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var kasiaPlace = await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: kasia.Id, role: "Co-designer");
        var tomPlace = await app.AddTeamMemberAsync(staff.Organisation, project.Id, userId: staff.User.Id, role: "Staff lead");
        return (staff, partner, project.Id, kasiaPlace, tomPlace);
    }

    /// <summary>Posts to one of a page's handlers (its buttons), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> HandlerAsync(SignedIn who, string url, string handler, params (string Name, string Value)[] values)
    {
        var page = await who.Client.GetPageAsync(url);
        return await who.Client.PostFormAsync($"{url}?handler={handler}",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), .. values.Select(v => KeyValuePair.Create(v.Name, v.Value))]);
    }

    [DatabaseFact]
    public async Task Staff_AddAnActionForAPartner_AndItIsListedWithWhoAndWhen()
    {
        var (staff, partner, projectId, kasia, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var due = Today.AddDays(10);

        using var added = await staff.PostPageAsync($"{staff.Org}/projects/{projectId}/actions/new", new()
        {
            ["Input.What"] = "  Ask the caretaker about keys for Saturdays  ",
            ["Input.MemberId"] = kasia.Id.ToString(),
            ["Input.DueOn"] = Day(due),
        });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync());
        (saved.What, saved.MemberId, DateOnly.FromDateTime(saved.DueOn), saved.DoneAtUtc, saved.CreatedByUserId)
            .ShouldBe(("Ask the caretaker about keys for Saturdays", (Guid?)kasia.Id, due, (DateTime?)null, (Guid?)staff.User.Id));
        (await app.AuditEntriesAsync("ProjectActionAdded")).ShouldContain(e => e.OrganisationId == staff.Organisation.Id && e.ActorUserId == staff.User.Id);

        var list = await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}/actions");
        var row = list.QuerySelector("#open-actions tbody tr")!;
        row.TextContent.ShouldContain("Ask the caretaker about keys for Saturdays");
        row.TextContent.ShouldContain("Kasia Nowak");
        row.TextContent.ShouldContain("(partner)");
        row.TextContent.ShouldContain("To do");
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}")).QuerySelector("#next-actions")!.TextContent
            .ShouldContain("Ask the caretaker about keys for Saturdays: Kasia Nowak");
    }

    [DatabaseTheory]
    [InlineData("", "kasia", "+10", "Say what will be done, for example: ask the caretaker about keys for Saturdays")]
    [InlineData("Ask about keys", "", "+10", "Choose who will do it")]
    [InlineData("Ask about keys", "stranger", "+10", "Choose someone from the team listed here")]
    [InlineData("Ask about keys", "not-an-id", "+10", "Choose someone from the team listed here")]
    [InlineData("Ask about keys", "kasia", "", "Enter the day it should be done by")]
    [InlineData("Ask about keys", "kasia", "31/02/2027", "The day it should be done by must be a real date, like 4/12/2026")]
    [InlineData("Ask about keys", "kasia", "-1", "The day it should be done by must be today or later")]
    [InlineData("Ask about keys", "kasia", "+3000", "The day it should be done by must be within 5 years")]
    public async Task ABadAction_IsRefused_WithWhy_AndNothingIsSaved(string what, string who, string day, string message)
    {
        var (staff, partner, projectId, kasia, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var stranger = await app.CreatePersonAsync(staff.Organisation, name: "Not in the team");
        var member = who switch
        {
            "kasia" => kasia.Id.ToString(),
            "stranger" => stranger.Id.ToString(),
            _ => who,
        };
        var dueOn = day.StartsWith('+') || day.StartsWith('-') ? Day(Today.AddDays(int.Parse(day, CultureInfo.InvariantCulture))) : day;

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{projectId}/actions/new", new()
        {
            ["Input.What"] = what,
            ["Input.MemberId"] = member,
            ["Input.DueOn"] = dueOn,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([message]);
        ((IHtmlTextAreaElement)page.QuerySelector("#Input_What")!).Value.ShouldBe(what, "what was typed is kept");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task AddingTheSameActionAtOnce_MakesOne()
    {
        var (staff, partner, projectId, kasia, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var url = $"{staff.Org}/projects/{projectId}/actions/new";
        var form = await staff.Client.GetPageAsync(url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => staff.Client.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["Input.What"] = "Ask about keys",
            ["Input.MemberId"] = kasia.Id.ToString(),
            ["Input.DueOn"] = Day(Today.AddDays(3)),
        })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().CountAsync())).ShouldBe(1);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [DatabaseFact]
    public async Task FromAMeeting_TheActionIsAgreedAtIt_AndAnotherProjectsMeetingIsNotFound()
    {
        var (staff, partner, projectId, kasia, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var meeting = await app.PlanMeetingAsync(staff.Organisation, projectId, DateTime.UtcNow.AddHours(-2), invited: kasia.Id);
        var other = await app.CreateProjectAsync(staff.Organisation, "Garden");
        var theirs = await app.PlanMeetingAsync(staff.Organisation, other.Id, DateTime.UtcNow.AddHours(-2));
        var url = $"{staff.Org}/projects/{projectId}/actions/new?meetingId={meeting.Id}";

        (await staff.Client.GetPageAsync(url)).QuerySelector("#agreed-at")!.TextContent.ShouldContain(meeting.Title);
        (await staff.Client.GetAsync($"{staff.Org}/projects/{projectId}/actions/new?meetingId={theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var fromMeeting = await staff.PostPageAsync(url, new()
        {
            ["Input.What"] = "Ask about keys",
            ["Input.MemberId"] = kasia.Id.ToString(),
            ["Input.DueOn"] = Day(Today.AddDays(3)),
        });

        fromMeeting.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync())).MeetingId.ShouldBe(meeting.Id);
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}/meetings/{meeting.Id}")).QuerySelector("#add-action").ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task Staff_ChangeAnAction_KeepAPastDay_AndMarkItDoneAndNotDone()
    {
        var (staff, partner, projectId, kasia, tom) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var late = await app.AddActionAsync(staff.Organisation, projectId, kasia.Id, Today.AddDays(-3), "Ask about keys");
        var url = $"{staff.Org}/projects/{projectId}/actions/{late.Id}";

        using var changed = await staff.PostPageAsync(url, new()
        {
            ["Input.What"] = "Ask the caretaker about keys",
            ["Input.MemberId"] = tom.Id.ToString(),
            ["Input.DueOn"] = Day(Today.AddDays(-3)),
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a day already past may stay as it was");
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync());
        (saved.What, saved.MemberId).ShouldBe(("Ask the caretaker about keys", (Guid?)tom.Id));

        using var earlier = await staff.PostPageAsync(url, new()
        {
            ["Input.What"] = "Ask the caretaker about keys",
            ["Input.MemberId"] = tom.Id.ToString(),
            ["Input.DueOn"] = Day(Today.AddDays(-4)),
        });
        earlier.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "but cannot be moved to another past day");

        using var done = await HandlerAsync(staff, url, "Done");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var marked = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync());
        (marked.DoneAtUtc is not null, marked.DoneByUserId).ShouldBe((true, (Guid?)staff.User.Id));
        var list = await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}/actions");
        list.QuerySelector("#open-actions").ShouldBeNull();
        list.QuerySelector("#done-actions")!.TextContent.ShouldContain("Ask the caretaker about keys");

        using var again = await HandlerAsync(staff, url, "Done");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync())).DoneAtUtc.ShouldBe(marked.DoneAtUtc, "a second click keeps the first");

        using var reopened = await HandlerAsync(staff, url, "Reopen");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync())).DoneAtUtc.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task AnActionOfAnotherProject_IsNotFound_UnderThisOne()
    {
        var (staff, partner, projectId, kasia, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var other = await app.CreateProjectAsync(staff.Organisation, "Garden");
        var action = await app.AddActionAsync(staff.Organisation, projectId, kasia.Id, Today.AddDays(2));

        (await staff.Client.GetAsync($"{staff.Org}/projects/{other.Id}/actions/{action.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var done = await HandlerAsync(staff, $"{staff.Org}/projects/{projectId}/actions/{action.Id}", "Done");
        var token = (await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}/actions")).AntiforgeryToken();
        using var wrong = await staff.Client.PostFormAsync($"{staff.Org}/projects/{other.Id}/actions/{action.Id}?handler=Reopen", [new(Html.AntiforgeryField, token)]);
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync())).DoneAtUtc.ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task OverdueActions_ShowOnTheStaffHomePage_WithTheirOwnMarked()
    {
        var (staff, partner, projectId, kasia, tom) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        (await staff.Client.GetPageAsync(staff.Org)).QuerySelector("#overdue-actions").ShouldBeNull("nothing is overdue yet");
        await app.AddActionAsync(staff.Organisation, projectId, kasia.Id, Today.AddDays(-5), "Bring the rota");
        await app.AddActionAsync(staff.Organisation, projectId, tom.Id, Today.AddDays(-2), "Book the hall");
        await app.AddActionAsync(staff.Organisation, projectId, tom.Id, Today.AddDays(4), "Not due yet");
        await app.AddActionAsync(staff.Organisation, projectId, tom.Id, Today.AddDays(-9), "Done already", doneAtUtc: DateTime.UtcNow);

        var home = await staff.Client.GetPageAsync(staff.Org);

        var rows = home.QuerySelectorAll("#overdue-actions tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("Bring the rota");
        rows[0].ShouldContain("Saturday opening");
        rows[1].ShouldContain("Book the hall");
        rows[1].ShouldContain("(you)");
        home.QuerySelector("#overdue-actions caption")!.TextContent.ShouldBe("Overdue actions: 2");
    }

    [DatabaseFact]
    public async Task APartner_SeesAndMarksTheirOwnActions_AndNobodyElses()
    {
        var (staff, partner, projectId, kasia, tom) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var hers = await app.AddActionAsync(staff.Organisation, projectId, kasia.Id, Today.AddDays(-1), "Bring the rota");
        var his = await app.AddActionAsync(staff.Organisation, projectId, tom.Id, Today.AddDays(-1), "Book the hall");
        var url = $"{partner.Org}/my-projects/{projectId}";

        var page = await partner.Client.GetPageAsync(url);
        var mine = page.QuerySelector("#my-actions-list")!.TextContent;
        mine.ShouldContain("Bring the rota");
        mine.ShouldContain("Overdue");
        mine.ShouldNotContain("Book the hall");
        (await partner.Client.GetPageAsync(partner.Org)).QuerySelector("#my-actions-list")!.TextContent.ShouldContain("Bring the rota");
        (await partner.Client.GetPageAsync($"{partner.Org}/my-projects")).QuerySelector("#my-projects")!.TextContent.ShouldContain("1 overdue");

        using var notHers = await HandlerAsync(partner, url, "Done", ("actionId", his.Id.ToString()));
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync(a => a.Id == his.Id))).DoneAtUtc.ShouldBeNull();

        using var done = await HandlerAsync(partner, url, "Done", ("actionId", hers.Id.ToString()));

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync(a => a.Id == hers.Id));
        (saved.DoneAtUtc is not null, saved.DoneByUserId).ShouldBe((true, (Guid?)partner.User.Id));
        (await partner.Client.GetPageAsync(url)).QuerySelector("#no-actions").ShouldNotBeNull();
        (await partner.Client.GetPageAsync(partner.Org)).QuerySelector("#my-actions-list").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsAction_CannotBeMarkedDone_ByAPartnerHere_NorShownToThem()
    {
        var (staff, partner, projectId, _, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        var (elsewhere, theirPartner, theirProject, theirKasia, _) = await TeamAsync();
        using var _e = elsewhere;
        using var _t = theirPartner;
        var theirs = await app.AddActionAsync(elsewhere.Organisation, theirProject, theirKasia.Id, Today.AddDays(-1), "Their own action");

        using var response = await HandlerAsync(partner, $"{partner.Org}/my-projects/{projectId}", "Done", ("actionId", theirs.Id.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(elsewhere.Organisation, db => db.Set<ProjectAction>().AsNoTracking().SingleAsync())).DoneAtUtc.ShouldBeNull();
        (await partner.Client.GetPageAsync(partner.Org)).QuerySelector("main")!.TextContent.ShouldNotContain("Their own action");
        (await staff.Client.GetPageAsync(staff.Org)).QuerySelector("main")!.TextContent.ShouldNotContain("Their own action");
        (await staff.Client.GetAsync($"{staff.Org}/projects/{projectId}/actions/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task APartnerWhoLeftTheTeam_NoLongerSeesItsActions()
    {
        var (staff, partner, projectId, kasia, _) = await TeamAsync();
        using var _s = staff;
        using var _p = partner;
        await app.AddActionAsync(staff.Organisation, projectId, kasia.Id, Today.AddDays(-1), "Bring the rota");
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.Set<ProjectMember>().SingleAsync(m => m.Id == kasia.Id)).LeftAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        (await partner.Client.GetPageAsync(partner.Org)).QuerySelector("#my-actions-list").ShouldBeNull();
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}/actions")).QuerySelector("#open-actions")!.TextContent.ShouldContain("Kasia Nowak");
    }

    [DatabaseFact]
    public async Task TheListAndTheHomePage_QueryCount_DoesNotGrowWithActions()
    {
        async Task<(int List, int Home)> QueriesAsync(int actions)
        {
            var (staff, partner, projectId, kasia, tom) = await TeamAsync();
            using var _s = staff;
            using var _p = partner;
            for (var i = 0; i < actions; i++)
            {
                await app.AddActionAsync(staff.Organisation, projectId, i % 2 == 0 ? kasia.Id : tom.Id, Today.AddDays(i - actions), $"Action {i}",
                    doneAtUtc: i % 3 == 0 ? DateTime.UtcNow : null);
            }

            var list = $"{staff.Org}/projects/{projectId}/actions";
            (await staff.Client.GetPageAsync(list)).Dispose();
            (await staff.Client.GetPageAsync(staff.Org)).Dispose();
            app.Queries.Reset();
            (await staff.Client.GetPageAsync(list)).QuerySelectorAll("tbody tr").Length.ShouldBe(actions);
            var forList = app.Queries.Count;
            app.Queries.Reset();
            (await staff.Client.GetPageAsync(staff.Org)).QuerySelector("#overdue-actions").ShouldNotBeNull();
            return (forList, app.Queries.Count);
        }

        var withFifteen = await QueriesAsync(15);
        var withThirty = await QueriesAsync(30);

        // Both have more overdue than the home page lists, so both count them (one query more than a short list).
        withThirty.ShouldBe(withFifteen);
    }
}
