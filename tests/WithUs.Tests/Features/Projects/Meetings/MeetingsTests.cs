using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Tests.Features.Projects.Meetings;

/// <summary>Projects/Meetings: plan a meeting everyone invited can take part in, its calendar file, who came, notes and expenses.</summary>
public sealed class MeetingsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private async Task<(SignedIn Staff, Guid ProjectId, Guid Kasia)> ProjectWithKasiaAsync()
    {
        var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var kasia = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak");
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            var p = await db.People.SingleAsync(x => x.Id == kasia.Id);
            p.AccessNeeds = AccessNeed.StepFreeAccess | AccessNeed.Interpreter;
            p.InterpreterLanguage = "Polish";
            await db.SaveChangesAsync();
        });
        var member = await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: kasia.Id);
        await app.AddBoundaryAsync(staff.Organisation, project.Id, text: "Which day it opens");
        return (staff, project.Id, member.Id);
    }

    private static Dictionary<string, string> Meeting(string day = "2027-07-14", string starts = "10:00", string ends = "12:00") => new()
    {
        ["Input.Title"] = "First meeting",
        ["Input.Day"] = day,
        ["Input.Starts"] = starts,
        ["Input.Ends"] = ends,
        ["Input.Format"] = "InPerson",
        ["Input.PlaceName"] = "Kasia's allotment hut",
        ["Input.IsPartnersPlace"] = "true",
    };

    [DatabaseFact]
    public async Task APlannedMeeting_IsKeptInUtcFromTheLocalTime_AndItsPageShowsTheGapAndTheBoundaries()
    {
        var (staff, projectId, kasia) = await ProjectWithKasiaAsync();
        using var _ = staff;

        using var saved = await staff.PostPageAsync($"{staff.Org}/projects/{projectId}/meetings/new", Meeting(),
            [("Input.Invited", kasia.ToString()), ("Input.Support", "StepFreeAccess")]);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meeting = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Meeting>().AsNoTracking().SingleAsync());
        (meeting.StartsAtUtc, meeting.EndsAtUtc).ShouldBe((new DateTime(2027, 7, 14, 9, 0, 0), new DateTime(2027, 7, 14, 11, 0, 0)), "10:00 in British Summer Time");
        (meeting.IsPartnersPlace, meeting.Support).ShouldBe((true, MeetingSupport.StepFreeAccess));
        var page = await staff.Client.GetPageAsync(saved.Location());
        page.QuerySelector("#gaps")!.TextContent.ShouldContain("Kasia Nowak: An interpreter (Polish). An interpreter is booked.");
        page.QuerySelector("#gaps")!.TextContent.ShouldNotContain("Step-free");
        page.QuerySelector(".withus-boundaries-open")!.TextContent.ShouldContain("Which day it opens");
        page.QuerySelector("#meeting-details")!.TextContent.ShouldContain("Wednesday 14 July 2027, 10:00 to 12:00");
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}")).QuerySelector("#meeting-list")!.TextContent.ShouldContain("1 need not met");
    }

    [DatabaseFact]
    public async Task CheckWhoCanTakePart_ShowsTheGaps_AndSavesNothing()
    {
        var (staff, projectId, kasia) = await ProjectWithKasiaAsync();
        using var _ = staff;
        var url = $"{staff.Org}/projects/{projectId}/meetings/new";
        var form = await staff.Client.GetPageAsync(url);
        var fields = form.MainForm().Fields().Where(f => f.Key is not ("Input.Invited")).Append(new("Input.Invited", kasia.ToString())).ToList();

        using var checkedPage = await staff.Client.PostFormAsync($"{url}?handler=Check", fields);

        checkedPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        var banner = (await checkedPage.ReadHtmlAsync()).QuerySelector("#access-check")!.TextContent;
        banner.ShouldContain("2 needs are not met yet");
        banner.ShouldContain("Step-free access");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Meeting>().CountAsync())).ShouldBe(0);

        // Saving from the checked page saves (its form goes to the page, not back to the check).
        using var saved = await staff.Client.SubmitAsync(await checkedPage.ReadHtmlAsync(), $"{url}?handler=Check", new Dictionary<string, string> { ["Input.PlaceName"] = "The hall" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await saved.ReadHtmlAsync()).ErrorSummary()));
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Meeting>().CountAsync())).ShouldBe(1);
    }

    [DatabaseTheory]
    [InlineData("Input.PlaceName", "", "Say where it is, for example: the community room")]
    [InlineData("Input.Day", "31/02/2027", "The day must be a real date, like 21/11/2026")]
    [InlineData("Input.Ends", "09:00", "It must end after it starts")]
    [InlineData("Input.Starts", "ten", "Enter when it starts as a time, like 10:30 or 14:00")]
    [InlineData("Input.Format", "Carrier pigeon", "Choose whether it is in person, online or both")]
    public async Task ABadMeeting_IsRefusedWithAClearMessage_AndNothingIsSaved(string field, string value, string message)
    {
        var (staff, projectId, _) = await ProjectWithKasiaAsync();
        using var __ = staff;
        var values = Meeting();
        values[field] = value;

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{projectId}/meetings/new", values);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Meeting>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task ATimeTheClocksSkip_AndAnOnlineLinkThatIsNotHttps_AreRefused()
    {
        var (staff, projectId, _) = await ProjectWithKasiaAsync();
        using var __ = staff;
        var values = Meeting(day: "2027-03-28", starts: "01:30", ends: "03:00");
        values["Input.Format"] = "Both";
        values["Input.OnlineLink"] = "http://example.org/meet";

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{projectId}/meetings/new", values);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([
            "That time does not exist on that day, because the clocks go forward: choose another time",
            "Enter the link to join online, starting https://"]);
    }

    [DatabaseFact]
    public async Task TheCalendarFile_IsTheMeeting_AndAChangeOrCancellingMovesItsSequenceOn()
    {
        var (staff, projectId, kasia) = await ProjectWithKasiaAsync();
        using var _ = staff;
        var meeting = await app.PlanMeetingAsync(staff.Organisation, projectId, new DateTime(2027, 1, 12, 10, 0, 0, DateTimeKind.Utc), invited: kasia);
        var url = $"{staff.Org}/projects/{projectId}/meetings/{meeting.Id}";

        using var file = await staff.Client.GetAsync($"{url}?handler=Calendar");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        file.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain(".ics");
        var ics = await file.Content.ReadAsStringAsync();
        ics.ShouldContain($"UID:{meeting.Id}@withus");
        ics.ShouldContain("DTSTART;TZID=Europe/London:20270112T100000");
        ics.ShouldContain("SEQUENCE:0");

        using var edited = await staff.PostPageAsync($"{url}/edit", new() { ["Input.Starts"] = "11:00", ["Input.Ends"] = "13:00" });
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await staff.Client.GetPageAsync(url);
        var cancel = page.QuerySelectorAll("main form[method='post']").Single(f => f.GetAttribute("action")!.Contains("handler=Cancel", StringComparison.Ordinal));
        using var cancelled = await staff.Client.PostFormAsync(cancel.GetAttribute("action")!, cancel.Fields());
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        ics = await staff.Client.GetStringAsync($"{url}?handler=Calendar");
        ics.ShouldContain("SEQUENCE:2");
        ics.ShouldContain("STATUS:CANCELLED");
        ics.ShouldContain("DTSTART;TZID=Europe/London:20270112T110000");
    }

    [DatabaseFact]
    public async Task AfterTheMeeting_WhoCameIsSaved_AndExpensesAreRecordedOnlyForPartnersWhoCame()
    {
        var (staff, projectId, kasia) = await ProjectWithKasiaAsync();
        using var _ = staff;
        var dev = await app.CreatePersonAsync(staff.Organisation, name: "Dev Sharma");
        var devMember = await app.AddTeamMemberAsync(staff.Organisation, projectId, personId: dev.Id);
        var meeting = await app.PlanMeetingAsync(staff.Organisation, projectId, DateTime.UtcNow.AddHours(-3), invited: [kasia, devMember.Id]);
        var url = $"{staff.Org}/projects/{projectId}/meetings/{meeting.Id}";

        var page = await staff.Client.GetPageAsync(url);
        var attendance = page.QuerySelectorAll("main form[method='post']").Single(f => f.GetAttribute("action")!.Contains("handler=Attendance", StringComparison.Ordinal));
        using var saved = await staff.Client.PostFormAsync(attendance.GetAttribute("action")!,
            [.. attendance.Fields().Where(f => f.Key != "Attended"), new("Attended", kasia.ToString())]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var invitees = await app.InOrganisationAsync(staff.Organisation, db => db.Set<MeetingInvitee>().AsNoTracking().ToListAsync());
        invitees.Single(i => i.MemberId == kasia).Attended.ShouldBe(true);
        invitees.Single(i => i.MemberId == devMember.Id).Attended.ShouldBe(false);

        (await staff.Client.GetAsync($"{url}/expenses/{devMember.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "Dev did not come");
        using var bad = await staff.PostPageAsync($"{url}/expenses/{kasia}", new() { ["Kind"] = "Travel", ["Amount"] = "4.555" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Enter an amount in pounds between 0.01 and 1,000, like 4.50"]);
        using var expense = await staff.PostPageAsync($"{url}/expenses/{kasia}", new() { ["Kind"] = "Travel", ["Amount"] = "£4.50", ["Note"] = "Two bus fares" });
        expense.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.Set<MeetingExpense>().AsNoTracking().SingleAsync());
        (kept.Kind, kept.AmountPence, kept.Note, kept.MemberId).ShouldBe((ExpenseKind.Travel, 450, "Two bus fares", kasia));
        (await staff.Client.GetPageAsync(url)).QuerySelector("#expenses + p + ul")!.TextContent.ShouldContain("Travel £4.50");
    }

    [DatabaseFact]
    public async Task BeforeTheMeeting_WhoCameCannotBeSaid_AndAReminderByHandIsKeptWithTheirWay()
    {
        var (staff, projectId, kasia) = await ProjectWithKasiaAsync();
        using var _ = staff;
        var meeting = await app.PlanMeetingAsync(staff.Organisation, projectId, invited: kasia);
        var url = $"{staff.Org}/projects/{projectId}/meetings/{meeting.Id}";
        var page = await staff.Client.GetPageAsync(url);

        using var early = await staff.Client.PostFormAsync($"{url}?handler=Attendance", [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Attended", kasia.ToString())]);
        early.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<MeetingInvitee>().AsNoTracking().SingleAsync())).Attended.ShouldBeNull();

        var remind = page.QuerySelectorAll("main form[method='post']").Single(f => f.GetAttribute("action")!.Contains("handler=Reminded", StringComparison.Ordinal));
        using var reminded = await staff.Client.PostFormAsync(remind.GetAttribute("action")!, remind.Fields());
        reminded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var invitee = await app.InOrganisationAsync(staff.Organisation, db => db.Set<MeetingInvitee>().AsNoTracking().SingleAsync());
        invitee.RemindedAtUtc.ShouldNotBeNull();
    }
}
