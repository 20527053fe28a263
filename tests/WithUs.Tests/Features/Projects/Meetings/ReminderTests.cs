using System.Globalization;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Features.Projects.Meetings;

/// <summary>
/// Meeting reminders by each person's preferred channel (issue 11): WithUs emails staff, and partners who agreed to be
/// contacted and chose email, the day before; tells them again when the meeting changes or is cancelled; emails each
/// person once however many runs overlap; and the meeting page says how each person will be reminded.
/// </summary>
public sealed class ReminderTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    private sealed record Invitee(Guid MemberId, string Name, string? Email);

    private static string Address(string who) => $"{TestData.Unique(who)}@example.org";

    /// <summary>A member of staff in the team: emailed at their account's address.</summary>
    private async Task<Invitee> StaffAsync(TestOrganisation organisation, Guid projectId, string name)
    {
        var user = await app.CreateUserAsync(email: Address("staff"), displayName: name);
        await app.AddMembershipAsync(organisation, user, OrganisationRole.Staff);
        var member = await app.AddTeamMemberAsync(organisation, projectId, userId: user.Id, role: "Staff lead");
        return new(member.Id, name, user.Email);
    }

    /// <summary>A partner in the team, with their answer about contact and the way they chose.</summary>
    private async Task<Invitee> PartnerAsync(TestOrganisation organisation, Guid projectId, string name, ContactMethod? by = ContactMethod.Email,
        bool mayContact = true, string? phone = null, Guid? userId = null)
    {
        var email = by == ContactMethod.Email ? Address("partner") : null;
        var person = await app.CreatePersonAsync(organisation, name: name, mayContact: mayContact, contactBy: by, email: email, phone: phone, userId: userId);
        var member = await app.AddTeamMemberAsync(organisation, projectId, personId: person.Id);
        return new(member.Id, name, email);
    }

    private Task<Meeting> MeetingAsync(TestOrganisation organisation, Guid projectId, DateTime startsAtUtc, IEnumerable<Invitee> invited,
        string title = "Working meeting", Action<Meeting>? with = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var meeting = new Meeting
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                Title = title,
                StartsAtUtc = startsAtUtc,
                EndsAtUtc = startsAtUtc.AddHours(2),
                Format = MeetingFormat.InPerson,
                PlaceName = "The community room",
                CreatedAtUtc = DateTime.UtcNow,
            };
            with?.Invoke(meeting);
            db.Add(meeting);
            db.AddRange(invited.Select(i => new MeetingInvitee { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = i.MemberId }));
            await db.SaveChangesAsync();
            return meeting;
        });

    private Task ChangeAsync(TestOrganisation organisation, Guid meetingId, Action<Meeting> change) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            change(await db.Set<Meeting>().SingleAsync(m => m.Id == meetingId));
            await db.SaveChangesAsync();
        });

    /// <summary>The job's work in one organisation, as each run does it.</summary>
    private async Task<int> RunAsync(TestOrganisation organisation)
    {
        using var scope = await EachOrganisation.ScopeAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), organisation.Id, CancellationToken.None);
        return await MeetingReminderJob.SendAsync(scope.ServiceProvider, CancellationToken.None);
    }

    private async Task<List<OutboxEmail>> EmailsToAsync(Invitee invitee) => await app.EmailsToAsync(invitee.Email!);

    private Task<MeetingInvitee> InviteeAsync(TestOrganisation organisation, Guid meetingId, Invitee who) =>
        app.InOrganisationAsync(organisation, db => db.Set<MeetingInvitee>().AsNoTracking().SingleAsync(i => i.MeetingId == meetingId && i.MemberId == who.MemberId));

    private static DateTime Utc(DateTimeOffset moment) => moment.UtcDateTime;

    [DatabaseFact]
    public async Task TheDayBefore_StaffAndPartnersWhoChoseEmailAndAgreed_AreEmailed_AndNobodyElse()
    {
        var now = new DateTimeOffset(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);
        app.Clock.Set(now);
        var organisation = await app.CreateOrganisationAsync();
        var project = await app.CreateProjectAsync(organisation, "Saturday opening");
        var staff = await StaffAsync(organisation, project.Id, "Sam Staff");
        var byEmail = await PartnerAsync(organisation, project.Id, "Kasia Nowak");
        var byPhone = await PartnerAsync(organisation, project.Id, "Dev Sharma", ContactMethod.Phone, phone: "07700 900123");
        var withdrew = await PartnerAsync(organisation, project.Id, "Jonno Price");
        var remindedByHand = await PartnerAsync(organisation, project.Id, "Robin Ellis");
        var left = await PartnerAsync(organisation, project.Id, "Lucy Tran");
        var closed = await StaffAsync(organisation, project.Id, "Colin Closed");
        await app.InOrganisationAsync(organisation, async db =>
        {
            // Their email address is still on the record, but their answer about contact is now no.
            await db.People.Where(p => p.Name == "Jonno Price").ExecuteUpdateAsync(s => s.SetProperty(p => p.MayContact, false));
            await db.Set<WithUs.Web.Features.Projects.Team.ProjectMember>().Where(m => m.Id == left.MemberId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeftAtUtc, DateTime.UtcNow));
            await db.Users.Where(u => u.Email == closed.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAtUtc, DateTime.UtcNow));
        });
        var everyone = new[] { staff, byEmail, byPhone, withdrew, remindedByHand, left, closed };
        var tomorrow = await MeetingAsync(organisation, project.Id, Utc(now.AddHours(23)), everyone, "Tomorrow's meeting");
        await app.InOrganisationAsync(organisation, db => db.Set<MeetingInvitee>().Where(i => i.MeetingId == tomorrow.Id && i.MemberId == remindedByHand.MemberId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RemindedAtUtc, Utc(now.AddHours(-1))).SetProperty(i => i.RemindedBy, ContactMethod.Phone)));
        await MeetingAsync(organisation, project.Id, Utc(now.AddHours(20)), everyone, "Cancelled meeting", m => m.CancelledAtUtc = Utc(now.AddDays(-1)));
        await MeetingAsync(organisation, project.Id, Utc(now.AddHours(25)), everyone, "Meeting in two days");
        await MeetingAsync(organisation, project.Id, Utc(now.AddHours(-1)), everyone, "Meeting under way");

        (await RunAsync(organisation)).ShouldBe(2);

        foreach (var emailed in new[] { staff, byEmail })
        {
            var email = (await EmailsToAsync(emailed)).ShouldHaveSingleItem();
            email.Subject.ShouldStartWith("Reminder: Tomorrow's meeting");
            var invitee = await InviteeAsync(organisation, tomorrow.Id, emailed);
            (invitee.RemindedAtUtc, invitee.RemindedBy, invitee.EmailedSequence).ShouldBe((Utc(now), ContactMethod.Email, 0));
        }

        foreach (var notEmailed in new[] { withdrew, remindedByHand, left })
        {
            (await EmailsToAsync(notEmailed)).ShouldBeEmpty($"{notEmailed.Name} is not to be emailed");
        }

        (await EmailsToAsync(closed)).ShouldBeEmpty("a closed account is not emailed");
        (await InviteeAsync(organisation, tomorrow.Id, remindedByHand)).RemindedBy.ShouldBe(ContactMethod.Phone, "a reminder by hand stands");
        (await InviteeAsync(organisation, tomorrow.Id, byPhone)).RemindedAtUtc.ShouldBeNull("staff remind them by phone");
        (await RunAsync(organisation)).ShouldBe(0, "nobody is reminded twice");
    }

    [DatabaseFact]
    public async Task TheEmail_SaysWhenInTheOrganisationsTimeAcrossTheClockChange_WhereAndWhatIsArranged_AndNothingAboutAnyoneElse()
    {
        // Saturday 27 March 2027 in Greenwich Mean Time; the clocks go forward that night, so 09:00 UTC on Sunday is
        // 10:00 in London.
        app.Clock.Set(new DateTimeOffset(2027, 3, 27, 11, 0, 0, TimeSpan.Zero));
        using var staffSignedIn = await app.SignedInAsync();
        var organisation = staffSignedIn.Organisation;
        using var partnerSignedIn = await app.AlsoSignedInAsync(organisation, OrganisationRole.Partner);
        var project = await app.CreateProjectAsync(organisation, "Saturday opening");
        var staffMember = await app.AddTeamMemberAsync(organisation, project.Id, userId: staffSignedIn.User.Id, role: "Staff lead");
        var staffName = await app.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Users.Where(u => u.Id == staffSignedIn.User.Id).Select(u => u.DisplayName).SingleAsync());
        var staff = new Invitee(staffMember.Id, staffName, staffSignedIn.User.Email);
        var withAccount = await PartnerAsync(organisation, project.Id, "Kasia Nowak", userId: partnerSignedIn.User.Id);
        var noAccount = await PartnerAsync(organisation, project.Id, "Pat Whitworth");
        var other = await PartnerAsync(organisation, project.Id, "Ola Other", ContactMethod.Phone, phone: "07700 900123");
        await app.InOrganisationAsync(organisation, db => db.People.Where(p => p.Name == "Ola Other").ExecuteUpdateAsync(s => s
            .SetProperty(p => p.AccessNeeds, AccessNeed.Interpreter | AccessNeed.Other)
            .SetProperty(p => p.InterpreterLanguage, "Polish")
            .SetProperty(p => p.OtherAccessNeed, "Needs a break every hour")));
        var meeting = await MeetingAsync(organisation, project.Id, new DateTime(2027, 3, 28, 9, 0, 0, DateTimeKind.Utc), [staff, withAccount, noAccount, other],
            "Tea & planning", m =>
            {
                m.Format = MeetingFormat.Both;
                m.PlaceName = "Kasia's allotment hut";
                m.PlaceAddress = "12 Canal Street\nExample Town";
                m.IsPartnersPlace = true;
                m.OnlineLink = "https://meet.example.org/withus";
                m.Support = MeetingSupport.StepFreeAccess | MeetingSupport.BslInterpreterBooked;
                m.Agenda = "Welcome\nWhat we found & what next";
            });

        await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Fixed, "It closes by 2pm", why: "One morning is paid for.");
        await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Open, "What we offer on the morning");

        (await RunAsync(organisation)).ShouldBe(3);

        var site = WithUsFactory.SiteAddress.ToString().TrimEnd('/');
        var meetingPage = $"{site}/o/{organisation.Slug}/projects/{project.Id}/meetings/{meeting.Id}";
        var theirProject = $"{site}/o/{organisation.Slug}/my-projects/{project.Id}";
        var emails = new Dictionary<Invitee, OutboxEmail>();
        foreach (var who in new[] { staff, withAccount, noAccount })
        {
            var email = (await EmailsToAsync(who)).ShouldHaveSingleItem();
            emails[who] = email;
            email.Subject.ShouldBe("Reminder: Tea & planning, Sunday 28 March at 10:00");
            var body = email.Body;
            body.ShouldStartWith($"Hello {who.Name},\n\nThis is a reminder of a meeting of the project \"Saturday opening\".");
            body.ShouldContain("What: Tea & planning\nWhen: Sunday 28 March 2027, 10:00 to 12:00\n");
            body.ShouldContain("Where: Kasia's allotment hut\n12 Canal Street\nExample Town\nOr join online: https://meet.example.org/withus\n");
            body.ShouldContain("Offered and arranged: Step-free access; A BSL interpreter is booked\n");
            body.ShouldContain("What we will talk about:\n1. Welcome\n2. What we found & what next\n");
            body.ShouldContain("The group decides:\n- What we offer on the morning\n\nFixed, not for the group to decide:\n- It closes by 2pm (why: One morning is paid for.)\n",
                customMessage: "what is open and fixed is said on every invitation");
            body.ShouldNotContain("&amp;", customMessage: "the body is plain text");
            foreach (var secret in new[] { "Ola Other", "Polish", "Needs a break", "07700" })
            {
                body.ShouldNotContain(secret, customMessage: "nothing about anyone else invited");
            }

            foreach (var otherInvitee in new[] { staff, withAccount, noAccount }.Where(i => i != who))
            {
                body.ShouldNotContain(otherInvitee.Name);
            }
        }

        emails[staff].Body.ShouldContain($"See the meeting: {meetingPage}\nAdd it to your calendar: {meetingPage}?handler=Calendar\n");
        emails[withAccount].Body.ShouldContain($"See the meeting: {theirProject}\nAdd it to your calendar: {theirProject}/meetings/{meeting.Id}/calendar\n");
        emails[noAccount].Body.ShouldNotContain(site, customMessage: "no account, so no page to link to");
        (await EmailsToAsync(other)).ShouldBeEmpty();

        // The links lead where they say, for the person they were sent to.
        (await partnerSignedIn.Client.GetAsync(theirProject)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var file = await partnerSignedIn.Client.GetAsync($"{theirProject}/meetings/{meeting.Id}/calendar");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await staffSignedIn.Client.GetAsync(meetingPage)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task RunsAtTheSameTime_EmailEachPersonOnce()
    {
        var now = new DateTimeOffset(2027, 5, 3, 8, 0, 0, TimeSpan.Zero);
        app.Clock.Set(now);
        var organisation = await app.CreateOrganisationAsync();
        var project = await app.CreateProjectAsync(organisation);
        var invited = new List<Invitee> { await StaffAsync(organisation, project.Id, "Sam Staff"), await StaffAsync(organisation, project.Id, "Grace Mensah") };
        for (var i = 0; i < 6; i++)
        {
            invited.Add(await PartnerAsync(organisation, project.Id, $"Partner {i}"));
        }

        await MeetingAsync(organisation, project.Id, Utc(now.AddHours(6)), invited);

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(organisation))));

        sent.Sum().ShouldBe(invited.Count);
        foreach (var who in invited)
        {
            (await EmailsToAsync(who)).Count.ShouldBe(1, $"{who.Name} is emailed once");
        }
    }

    [DatabaseFact]
    public async Task AMovedMeeting_IsEmailedAgain_ThenRemindedTheDayBeforeItsNewDay()
    {
        var now = new DateTimeOffset(2027, 6, 14, 9, 0, 0, TimeSpan.Zero);
        app.Clock.Set(now);
        var organisation = await app.CreateOrganisationAsync();
        var project = await app.CreateProjectAsync(organisation);
        var partner = await PartnerAsync(organisation, project.Id, "Kasia Nowak");
        var byPhone = await PartnerAsync(organisation, project.Id, "Dev Sharma", ContactMethod.Phone, phone: "07700 900123");
        var meeting = await MeetingAsync(organisation, project.Id, Utc(now.AddHours(20)), [partner, byPhone]);
        (await RunAsync(organisation)).ShouldBe(1);

        // Moved two hours later, as the edit page does it: the sequence goes up.
        await ChangeAsync(organisation, meeting.Id, m =>
        {
            m.StartsAtUtc = m.StartsAtUtc.AddHours(2);
            m.EndsAtUtc = m.EndsAtUtc.AddHours(2);
            m.Sequence++;
        });
        (await RunAsync(organisation)).ShouldBe(1);
        var changed = (await EmailsToAsync(partner)).Last();
        changed.Subject.ShouldBe("Changed: Working meeting, Tuesday 15 June at 08:00");
        changed.Body.ShouldContain("A meeting of the project");
        changed.Body.ShouldContain("has changed. This is what it is now.");
        changed.Body.ShouldContain("When: Tuesday 15 June 2027, 08:00 to 10:00");
        (await RunAsync(organisation)).ShouldBe(0, "told once about each change");

        // Moved to the next week: told at once, and reminded again the day before.
        await ChangeAsync(organisation, meeting.Id, m =>
        {
            m.StartsAtUtc = m.StartsAtUtc.AddDays(7);
            m.EndsAtUtc = m.EndsAtUtc.AddDays(7);
            m.Sequence++;
        });
        (await RunAsync(organisation)).ShouldBe(1);
        (await EmailsToAsync(partner)).Last().Subject.ShouldBe("Changed: Working meeting, Tuesday 22 June at 08:00");
        (await RunAsync(organisation)).ShouldBe(0);
        app.Clock.Set(now.AddDays(7).AddHours(1));
        (await RunAsync(organisation)).ShouldBe(1);
        (await EmailsToAsync(partner)).Select(e => e.Subject[..e.Subject.IndexOf(':')]).ShouldBe(["Reminder", "Changed", "Changed", "Reminder"]);
        (await RunAsync(organisation)).ShouldBe(0);
        (await InviteeAsync(organisation, meeting.Id, byPhone)).RemindedAtUtc.ShouldBeNull("WithUs never emails someone who chose the phone");
    }

    [DatabaseFact]
    public async Task AMeetingCancelledAfterTheReminder_IsEmailedAsCancelled_OnlyToThoseEmailed()
    {
        app.Clock.Set(DateTimeOffset.UtcNow);
        using var signedIn = await app.SignedInAsync();
        var organisation = signedIn.Organisation;
        var project = await app.CreateProjectAsync(organisation, "Saturday opening");
        var staff = await StaffAsync(organisation, project.Id, "Sam Staff");
        var partner = await PartnerAsync(organisation, project.Id, "Kasia Nowak");
        var byPhone = await PartnerAsync(organisation, project.Id, "Dev Sharma", ContactMethod.Phone, phone: "07700 900123");
        var later = await PartnerAsync(organisation, project.Id, "Pat Whitworth");
        var meeting = await MeetingAsync(organisation, project.Id, Utc(app.Clock.GetUtcNow().AddHours(10)), [staff, partner, byPhone]);
        (await RunAsync(organisation)).ShouldBe(2);
        await app.InOrganisationAsync(organisation, db =>
        {
            // Invited after the reminders went: never emailed about it.
            db.Add(new MeetingInvitee { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = later.MemberId });
            return db.SaveChangesAsync();
        });

        var page = await signedIn.Client.GetPageAsync($"{signedIn.Org}/projects/{project.Id}/meetings/{meeting.Id}");
        var cancel = page.QuerySelectorAll("main form[method='post']").Single(f => f.GetAttribute("action")!.Contains("handler=Cancel", StringComparison.Ordinal));
        using var cancelled = await signedIn.Client.PostFormAsync(cancel.GetAttribute("action")!, cancel.Fields());
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RunAsync(organisation)).ShouldBe(2);

        foreach (var who in new[] { staff, partner })
        {
            var email = (await EmailsToAsync(who)).Last();
            email.Subject.ShouldStartWith("Cancelled: Working meeting, ");
            email.Body.ShouldContain("of the project \"Saturday opening\"");
            email.Body.ShouldContain("is cancelled. You do not need to come.");
        }

        (await EmailsToAsync(later)).ShouldBeEmpty();
        (await RunAsync(organisation)).ShouldBe(0, "told once that it is cancelled");
    }

    [DatabaseFact]
    public async Task TheMeetingPage_SaysHowEachPersonWillBeReminded()
    {
        app.Clock.Set(DateTimeOffset.UtcNow);
        using var signedIn = await app.SignedInAsync();
        var organisation = signedIn.Organisation;
        var project = await app.CreateProjectAsync(organisation);
        var staff = await StaffAsync(organisation, project.Id, "Sam Staff");
        var partner = await PartnerAsync(organisation, project.Id, "Kasia Nowak");
        var byPhone = await PartnerAsync(organisation, project.Id, "Dev Sharma", ContactMethod.Phone, phone: "07700 900123");
        var byText = await PartnerAsync(organisation, project.Id, "Robin Ellis", ContactMethod.TextMessage, phone: "07700 900456");
        var noContact = await PartnerAsync(organisation, project.Id, "Jonno Price", null, mayContact: false);
        var everyone = new[] { staff, partner, byPhone, byText, noContact };

        // In three days at 14:00 London time: emailed the day before, at about 14:00.
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), london).DateTime).AddDays(3);
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(14, 0)), london);
        var due = TimeZoneInfo.ConvertTimeFromUtc(startsAt.AddHours(-24), london);
        var later = await MeetingAsync(organisation, project.Id, startsAt, everyone);
        var page = await signedIn.Client.GetPageAsync($"{signedIn.Org}/projects/{project.Id}/meetings/{later.Id}");

        string Line(Invitee who) => page.QuerySelector($"#remind-{who.MemberId}")!.TextContent.Trim();
        var willEmail = $"WithUs will email them a reminder on {due.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"))}, at about {due:HH:mm}.";
        Line(staff).ShouldStartWith($"Sam Staff: {willEmail}");
        Line(partner).ShouldStartWith($"Kasia Nowak: {willEmail}");
        Line(byPhone).ShouldStartWith("Dev Sharma: Remind them by phone: 07700 900123. WithUs cannot do this for you.");
        Line(byText).ShouldStartWith("Robin Ellis: Remind them by text: 07700 900456. WithUs cannot do this for you.");
        Line(noContact).ShouldStartWith("Jonno Price: They asked not to be contacted: remind them only if they asked you to.");
        string[] Buttons() => page.QuerySelectorAll("#reminder-list form").Select(f => f.GetAttribute("action")!).ToArray();
        Buttons().Length.ShouldBe(3, "only those WithUs cannot email are reminded by hand");
        Buttons().ShouldAllBe(a => !a.Contains(staff.MemberId.ToString()) && !a.Contains(partner.MemberId.ToString()));

        // Tomorrow morning's meeting: once the job has run, they were emailed.
        var soon = await MeetingAsync(organisation, project.Id, Utc(clock.GetUtcNow().AddHours(5)), everyone);
        (await RunAsync(organisation)).ShouldBe(2);
        page = await signedIn.Client.GetPageAsync($"{signedIn.Org}/projects/{project.Id}/meetings/{soon.Id}");
        var emailedAt = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), london).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        Line(staff).ShouldBe($"Sam Staff: Emailed {emailedAt}.");
        Line(partner).ShouldBe($"Kasia Nowak: Emailed {emailedAt}.");
        page.QuerySelector("#reminders + p")!.TextContent.ShouldContain("WithUs emails a reminder the day before to staff, and to partners who chose email and agreed to be contacted.");
    }

    [DatabaseFact]
    public async Task CancellingTheMeeting_WakesTheJob_SoThoseEmailedHearAtOnce()
    {
        // A live app whose job would not look again for ten hours unless woken.
        await using var live = app.Fresh(new Dictionary<string, string?> { [MeetingReminderJob.Setting] = "600" });
        using var staff = await live.SignedInAsync();
        var project = await live.CreateProjectAsync(staff.Organisation);
        var address = Address("partner");
        var person = await live.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak", mayContact: true, contactBy: ContactMethod.Email, email: address);
        var member = await live.AddTeamMemberAsync(staff.Organisation, project.Id, personId: person.Id);
        var meeting = await live.PlanMeetingAsync(staff.Organisation, project.Id, DateTime.UtcNow.AddHours(10), invited: member.Id);
        var runner = live.Services.GetRequiredService<JobRunner>();
        await Eventually.TrueAsync(async () =>
            (await runner.RunIfDueAsync(MeetingReminderJob.JobName, force: true, CancellationToken.None)).Kind == JobOutcomeKind.Succeeded, "a run of the job");
        (await live.EmailsToAsync(address)).ShouldHaveSingleItem().Subject.ShouldStartWith("Reminder:");

        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}/meetings/{meeting.Id}");
        var cancel = page.QuerySelectorAll("main form[method='post']").Single(f => f.GetAttribute("action")!.Contains("handler=Cancel", StringComparison.Ordinal));
        using var cancelled = await staff.Client.PostFormAsync(cancel.GetAttribute("action")!, cancel.Fields());

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Eventually.TrueAsync(async () => (await live.EmailsToAsync(address)).Any(e => e.Subject.StartsWith("Cancelled:", StringComparison.Ordinal)),
            "the cancelling emailed without waiting for the next run");
    }

    [DatabaseFact]
    public async Task TheRegisteredJob_RemindsInEveryOrganisation()
    {
        var now = new DateTimeOffset(2027, 9, 1, 9, 0, 0, TimeSpan.Zero);
        app.Clock.Set(now);
        var invited = new List<Invitee>();
        for (var i = 0; i < 2; i++)
        {
            var organisation = await app.CreateOrganisationAsync();
            var project = await app.CreateProjectAsync(organisation);
            var partner = await PartnerAsync(organisation, project.Id, "Kasia Nowak");
            await MeetingAsync(organisation, project.Id, Utc(now.AddHours(12)), [partner]);
            invited.Add(partner);
        }

        var runner = app.Services.GetRequiredService<JobRunner>();
        (await runner.RunIfDueAsync(MeetingReminderJob.JobName, force: true, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.Succeeded);

        foreach (var who in invited)
        {
            (await EmailsToAsync(who)).ShouldHaveSingleItem().Subject.ShouldStartWith("Reminder: Working meeting");
        }
    }
}
