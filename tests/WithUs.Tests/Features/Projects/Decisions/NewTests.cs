using System.Globalization;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Tests.Features.Projects.Decisions;

/// <summary>Projects/Decisions/New: a decision recorded with who was in the room, its level worked out from the facts only.</summary>
public sealed class NewTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static Dictionary<string, string> Typed(string how, string what = "The drop-in opens on Saturdays, 10am to 1pm",
        string options = "10am to 1pm\nNoon to 3pm") => new()
        {
            ["Input.What"] = what,
            ["Input.Options"] = options,
            ["Input.How"] = how,
        };

    [DatabaseFact]
    public async Task AVote_WithMorePartnersThanStaff_IsSavedAsCoProduction_WithWhoWasInTheRoom()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var url = $"{staff.Org}/projects/{world.Project.Id}/decisions/new";
        var values = Typed("TogetherByVote");
        values["Input.VotesFor"] = "2";
        values["Input.VotesAgainst"] = "1";
        values["Input.VotesAbstained"] = "0";
        values["Input.Dissent"] = "Dev would rather open in the afternoon.";

        using var saved = await staff.PostPageAsync(url, values, [("Input.Present", world.Kasia.Id.ToString()), ("Input.Present", world.Dev.Id.ToString()), ("Input.Present", world.Staff.Id.ToString())]);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decision = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().AsNoTracking().SingleAsync());
        saved.Location().ShouldBe($"{staff.Org}/projects/{world.Project.Id}/decisions/{decision.Id}");
        (decision.PartnersPresent, decision.StaffPresent, decision.How, decision.Level).ShouldBe((2, 1, DecisionWay.TogetherByVote, ParticipationLevel.CoProduction));
        (decision.VotesFor, decision.VotesAgainst, decision.VotesAbstained).ShouldBe(((int?)2, (int?)1, (int?)0));
        (decision.What, decision.Options, decision.Dissent, decision.MeetingId, decision.RecordedByUserId).ShouldBe(
            ("The drop-in opens on Saturdays, 10am to 1pm", "10am to 1pm\nNoon to 3pm", "Dev would rather open in the afternoon.", null, (Guid?)staff.User.Id));
        decision.DecidedOn.TimeOfDay.ShouldBe(TimeSpan.Zero, "a day without a time");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<DecisionPresent>().AsNoTracking().Select(p => p.MemberId).ToListAsync()))
            .ShouldBe([world.Kasia.Id, world.Dev.Id, world.Staff.Id], ignoreOrder: true);
        (await app.AuditEntriesAsync("DecisionRecorded")).Where(e => e.OrganisationId == staff.Organisation.Id).ShouldHaveSingleItem().Details.ShouldBe("Saturday opening: Co-production");

        var page = await staff.Client.GetPageAsync(saved.Location());
        page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Its level is co-production");
    }

    [DatabaseFact]
    public async Task TheSameDecisionSentAtOnce_IsRecordedOnce_AndASecondClickFindsIt()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var url = $"{staff.Org}/projects/{world.Project.Id}/decisions/new";
        var form = await staff.Client.GetPageAsync(url);
        var typed = Typed("TogetherByConsensus");
        var fields = form.MainForm().Fields().Where(f => !typed.ContainsKey(f.Key) && f.Key != "Input.Present").ToList();
        fields.AddRange(typed);
        fields.Add(new("Input.Present", world.Kasia.Id.ToString()));
        fields.Add(new("Input.Present", world.Staff.Id.ToString()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => staff.Client.PostFormAsync(url, fields)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        var decision = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().AsNoTracking().SingleAsync());
        responses.ShouldAllBe(r => r.Location() == $"{staff.Org}/projects/{world.Project.Id}/decisions/{decision.Id}");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<DecisionPresent>().CountAsync())).ShouldBe(2);
        foreach (var r in responses)
        {
            r.Dispose();
        }

        // The same words on another day are another decision.
        var values = Typed("TogetherByConsensus");
        values["Input.DecidedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var another = await staff.PostPageAsync(url, values, [("Input.Present", world.Kasia.Id.ToString())]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().CountAsync())).ShouldBe(2);
    }

    [DatabaseTheory]
    [InlineData("StaffAfterConsultingPartners", "staff", ParticipationLevel.Consultation)]
    [InlineData("StaffAfterConsultingPartners", "kasia staff", ParticipationLevel.Involvement)]
    [InlineData("TogetherByConsensus", "kasia dev staff", ParticipationLevel.CoProduction)]
    [InlineData("PartnersDecided", "kasia", ParticipationLevel.CoProduction)]
    [InlineData("StaffAlone", "kasia dev staff", ParticipationLevel.Informing)]
    [InlineData("PartnersInformedAfterwards", "staff", ParticipationLevel.Informing)]
    public async Task EachWay_IsSavedWithTheLevelTheRuleGives(string how, string present, ParticipationLevel level)
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);

        using var saved = await staff.PostPageAsync($"{staff.Org}/projects/{world.Project.Id}/decisions/new", Typed(how),
            present.Split(' ').Select(p => ("Input.Present", world.Member(p).ToString())));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().AsNoTracking().SingleAsync())).Level.ShouldBe(level);
    }

    [DatabaseFact]
    public async Task OneOption_CapsCoProductionAtCoDesign_AndStaffOutnumberingPartnersIsCoDesign()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var colleague = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Staff);
        var second = await app.AddTeamMemberAsync(staff.Organisation, world.Project.Id, userId: colleague.User.Id);
        var url = $"{staff.Org}/projects/{world.Project.Id}/decisions/new";

        using var capped = await staff.PostPageAsync(url, Typed("PartnersDecided", options: "Saturday Kitchen"), [("Input.Present", world.Kasia.Id.ToString())]);
        using var outnumbered = await staff.PostPageAsync(url, Typed("TogetherByConsensus", what: "It is in the community room"),
            [("Input.Present", world.Kasia.Id.ToString()), ("Input.Present", world.Staff.Id.ToString()), ("Input.Present", second.Id.ToString())]);

        capped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        outnumbered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var levels = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().AsNoTracking().OrderBy(d => d.RecordedAtUtc).Select(d => d.Level).ToListAsync());
        levels.ShouldBe([ParticipationLevel.CoDesign, ParticipationLevel.CoDesign]);
        var page = await staff.Client.GetPageAsync(capped.Location());
        page.QuerySelector("#why")!.TextContent.ShouldContain("only one option was considered");
        colleague.Dispose();
    }

    [DatabaseTheory]
    [InlineData("", "", "", "", "Say what was decided, for example: the drop-in opens on Saturdays from 10am to 1pm|Choose how it was decided")]
    [InlineData("Sideways", "staff", "", "", "Choose how it was decided")]
    [InlineData("StaffAlone", "", "", "", "Tick who was in the room when it was decided")]
    [InlineData("PartnersDecided", "staff", "", "", "Nobody from the partners was in the room, so it cannot have been decided with them")]
    [InlineData("TogetherByConsensus", "staff", "", "", "Nobody from the partners was in the room, so it cannot have been decided with them")]
    [InlineData("TogetherByVote", "kasia staff", "", "", "Enter how many voted for it|Enter how many voted against it|Enter how many did not vote either way, or 0 if everyone voted")]
    [InlineData("TogetherByVote", "kasia staff", "two,0,-1", "", "The number who voted for it must be a whole number, like 3|The number who did not vote either way must be 0 or more")]
    [InlineData("TogetherByVote", "kasia staff", "0,0,2", "", "Nobody voted for or against it, so it was not decided by a vote")]
    [InlineData("TogetherByVote", "kasia dev staff", "3,1,0", "", "That is 4 votes, but 3 people were in the room: there cannot be more votes than people")]
    [InlineData("StaffAlone", "staff", "", "31/02/2026", "The day it was decided must be a real date, like 21/11/2026")]
    [InlineData("StaffAlone", "staff", "", "future", "The day it was decided must be today or in the past")]
    [InlineData("StaffAlone", "staff", "", "blank", "Enter the day it was decided")]
    public async Task BadInput_IsRefusedWithAClearMessage_KeepsWhatWasTyped_AndSavesNothing(string how, string present, string votes, string day, string messages)
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var values = Typed(how, what: how.Length == 0 ? "" : "We open on Saturdays");
        var counts = votes.Length == 0 ? ["", "", ""] : votes.Split(',');
        (values["Input.VotesFor"], values["Input.VotesAgainst"], values["Input.VotesAbstained"]) = (counts[0], counts[1], counts[2]);
        if (day.Length > 0)
        {
            values["Input.DecidedOn"] = day switch
            {
                "future" => DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "blank" => "",
                _ => day,
            };
        }

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{world.Project.Id}/decisions/new", values,
            present.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => ("Input.Present", world.Member(p).ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(messages.Split('|'));
        page.QuerySelector("textarea[name='Input.What']")!.TextContent.ShouldBe(values["Input.What"]);
        page.QuerySelector("textarea[name='Input.Options']")!.TextContent.ShouldBe("10am to 1pm\nNoon to 3pm");
        page.QuerySelectorAll("input[name='Input.Present'][checked]").Select(i => i.GetAttribute("value"))
            .ShouldBe(present.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => world.Member(p).ToString()), ignoreOrder: true);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().CountAsync())).ShouldBe(0);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<DecisionPresent>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task FromAMeeting_WhoCameIsTicked_AndItsDayAndTheMeetingAreChosen()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var held = DateTime.UtcNow.Date.AddDays(-6).AddHours(11);
        var meeting = await app.AddMeetingAsync(staff.Organisation, world.Project.Id, "Planning Saturdays", held,
            came: [world.Kasia.Id, world.Staff.Id], didNotCome: [world.Dev.Id]);
        var url = $"{staff.Org}/projects/{world.Project.Id}/decisions/new?meetingId={meeting.Id}";

        var form = await staff.Client.GetPageAsync(url);

        form.QuerySelectorAll("input[name='Input.Present'][checked]").Select(i => i.GetAttribute("value"))
            .ShouldBe([world.Kasia.Id.ToString(), world.Staff.Id.ToString()], ignoreOrder: true);
        form.QuerySelector("input[name='Input.MeetingId'][checked]")!.GetAttribute("value").ShouldBe(meeting.Id.ToString());
        form.FieldValue("Input.DecidedOn").ShouldBe(held.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        form.QuerySelector($"label[for='Input_Present-{world.Kasia.Id}']")!.TextContent.ShouldBe("Kasia Nowak, partner");
        form.QuerySelector("label[for='Input_Present']")!.TextContent.ShouldStartWith(await app.InOrganisationAsync(staff.Organisation,
            db => db.Users.Where(u => u.Id == staff.User.Id).Select(u => u.DisplayName).SingleAsync()));

        using var saved = await staff.Client.SubmitAsync(form, url, Typed("TogetherByConsensus"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decision = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().AsNoTracking().SingleAsync());
        (decision.MeetingId, decision.PartnersPresent, decision.StaffPresent, decision.Level).ShouldBe(((Guid?)meeting.Id, 1, 1, ParticipationLevel.CoProduction));
        decision.DecidedOn.ShouldBe(held.Date);
        (await staff.Client.GetPageAsync(saved.Location())).QuerySelector("#facts")!.TextContent.ShouldContain("Planning Saturdays");
    }

    [DatabaseFact]
    public async Task AMeetingOfAnotherProject_IsNotFound_AndCannotBeNamed()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var other = await app.CreateProjectAsync(staff.Organisation, "Garden");
        var theirs = await app.AddMeetingAsync(staff.Organisation, other.Id, "Garden planning");
        var cancelled = await app.AddMeetingAsync(staff.Organisation, world.Project.Id, "Called off", cancelled: true);
        var ours = await app.AddMeetingAsync(staff.Organisation, world.Project.Id, "Planning Saturdays");
        var url = $"{staff.Org}/projects/{world.Project.Id}/decisions/new";

        (await staff.Client.GetAsync($"{url}?meetingId={theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.Client.GetAsync($"{url}?meetingId={cancelled.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.Client.GetPageAsync(url)).QuerySelectorAll("input[name='Input.MeetingId']").Select(i => i.GetAttribute("value"))
            .ShouldBe([ours.Id.ToString(), ""]);

        foreach (var meetingId in new[] { theirs.Id.ToString(), cancelled.Id.ToString(), "not-an-id" })
        {
            var values = Typed("StaffAlone");
            values["Input.MeetingId"] = meetingId;
            using var response = await staff.PostPageAsync(url, values, [("Input.Present", world.Staff.Id.ToString())]);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, meetingId);
            (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose one of this project's meetings, or \"Not at a meeting\""]);
        }

        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task SomeoneNotInThisTeamNow_CannotBeInTheRoom()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var other = await app.CreateProjectAsync(staff.Organisation, "Garden");
        var elsewhere = await app.AddTeamMemberAsync(staff.Organisation, other.Id, personId: (await app.CreatePersonAsync(staff.Organisation)).Id);
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            var dev = await db.Set<ProjectMember>().SingleAsync(m => m.Id == world.Dev.Id);
            dev.LeftAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var url = $"{staff.Org}/projects/{world.Project.Id}/decisions/new";
        (await staff.Client.GetPageAsync(url)).QuerySelectorAll("input[name='Input.Present']").Select(i => i.GetAttribute("value"))
            .ShouldBe([world.Staff.Id.ToString(), world.Kasia.Id.ToString()], "the team now: staff first, then partners");

        foreach (var intruder in new[] { elsewhere.Id.ToString(), world.Dev.Id.ToString(), Guid.CreateVersion7().ToString(), "someone" })
        {
            using var response = await staff.PostPageAsync(url, Typed("PartnersDecided"),
                [("Input.Present", world.Kasia.Id.ToString()), ("Input.Present", intruder)]);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, intruder);
            (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose from the team listed here"]);
        }

        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task APartner_IsRefusedEveryDecisionPage()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var decision = await app.AddDecisionAsync(staff.Organisation, world.Project.Id, present: [world.Kasia.Id, world.Staff.Id]);
        using var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var project = $"{staff.Org}/projects/{world.Project.Id}";

        foreach (var url in new[] { $"{project}/decisions", $"{project}/decisions/new", $"{project}/decisions/{decision.Id}", $"{staff.Org}/projects/participation-levels" })
        {
            using var response = await partner.Client.GetAsync(url);
            response.ShouldBeRefused();
        }

        var token = (await partner.Client.GetPageAsync("/account")).AntiforgeryToken();
        using var post = await partner.Client.PostFormAsync($"{project}/decisions/new",
            [new("Input.What", "Partners decide everything"), new("Input.How", "PartnersDecided"), new("Input.Present", world.Kasia.Id.ToString()), new(Html.AntiforgeryField, token)]);
        post.ShouldBeRefused();
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Decision>().CountAsync())).ShouldBe(1);
    }
}
