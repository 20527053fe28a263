using Microsoft.AspNetCore.Mvc.Testing;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Actions;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Voice;

namespace WithUs.Testing;

/// <summary>Projects for the state a test starts from, saved through the app's own context.</summary>
public static class ProjectData
{
    /// <summary>A project with its four phases (the first under way); <paramref name="ideaIds"/> become part of it.</summary>
    public static Task<Project> CreateProjectAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation,
        string? title = null, params Guid[] ideaIds) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var now = DateTime.UtcNow;
            var project = new Project { Id = Guid.CreateVersion7(), Title = title ?? TestData.Unique("Project"), CreatedAtUtc = now };
            project.Phases = ProjectPhase.ForNewProject(project.Id, now.Date);
            db.Add(project);
            foreach (var idea in await db.Contributions.Where(c => ideaIds.Contains(c.Id)).ToListAsync())
            {
                idea.ProjectId = project.Id;
                idea.Outcome = OutcomeStatus.PartOfProject;
                idea.OutcomeExplanation = "It is part of a project now.";
                idea.OutcomeAtUtc = now;
            }

            await db.SaveChangesAsync();
            return project;
        });

    /// <summary>A project published on the organisation's public pages with <paramref name="summary"/>, as the Publish page does.</summary>
    public static Task PublishProjectAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        string summary = "We are working on this with the people who use our services.", DateTime? publishedAtUtc = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var project = await db.Set<Project>().SingleAsync(p => p.Id == projectId);
            (project.IsPublished, project.PublicSummary, project.PublishedAtUtc) = (true, summary, publishedAtUtc ?? DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>A partner (<paramref name="personId"/>) or a member of staff (<paramref name="userId"/>) in a project's team.</summary>
    public static Task<ProjectMember> AddTeamMemberAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        Guid? personId = null, Guid? userId = null, string role = "Co-designer") =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var member = new ProjectMember
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                PersonId = personId,
                UserId = userId,
                Role = role,
                JoinedAtUtc = DateTime.UtcNow,
            };
            db.Add(member);
            await db.SaveChangesAsync();
            return member;
        });

    /// <summary>A version of a project's ground rules (the next one), agreed by <paramref name="agreedBy"/>.</summary>
    public static Task<GroundRules> AddGroundRulesAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        string text = "We listen to each other.", params Guid[] agreedBy) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var version = await db.Set<GroundRules>().Where(g => g.ProjectId == projectId).Select(g => (int?)g.Version).MaxAsync() ?? 0;
            var rules = new GroundRules { Id = Guid.CreateVersion7(), ProjectId = projectId, Version = version + 1, Text = text, WrittenAtUtc = DateTime.UtcNow };
            db.Add(rules);
            db.AddRange(agreedBy.Select(m => new GroundRulesAgreed { Id = Guid.CreateVersion7(), GroundRulesId = rules.Id, MemberId = m, AgreedAtUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync();
            return rules;
        });

    /// <summary>A meeting of a project (a week from now unless <paramref name="startsAtUtc"/> says), with <paramref name="invited"/> invited.</summary>
    public static Task<Meeting> PlanMeetingAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        DateTime? startsAtUtc = null, MeetingSupport support = MeetingSupport.None, params Guid[] invited) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var starts = startsAtUtc ?? DateTime.UtcNow.Date.AddDays(7).AddHours(10);
            var meeting = new Meeting
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                Title = "Meeting of the group",
                StartsAtUtc = starts,
                EndsAtUtc = starts.AddHours(2),
                Format = MeetingFormat.InPerson,
                PlaceName = "The community room",
                Support = support,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(meeting);
            db.AddRange(invited.Select(m => new MeetingInvitee { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = m }));
            await db.SaveChangesAsync();
            return meeting;
        });

    /// <summary>One thing open or fixed about a project, standing now.</summary>
    public static Task<Boundary> AddBoundaryAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        BoundaryKind kind = BoundaryKind.Open, string? text = null, BoundaryReason? reason = null, string? why = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var boundary = new Boundary
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                Kind = kind,
                Text = text ?? TestData.Unique("Boundary"),
                Reason = kind == BoundaryKind.Fixed ? reason ?? BoundaryReason.Budget : null,
                ReasonText = kind == BoundaryKind.Fixed ? why ?? "The grant covers one day." : null,
                AddedAtUtc = DateTime.UtcNow,
            };
            db.Add(boundary);
            await db.SaveChangesAsync();
            return boundary;
        });

    /// <summary>A meeting of a project (held yesterday unless <paramref name="startsAtUtc"/> says otherwise), with who came and who did not.</summary>
    public static Task<Meeting> AddMeetingAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        string? title = null, DateTime? startsAtUtc = null, Guid[]? came = null, Guid[]? didNotCome = null, bool cancelled = false) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var starts = startsAtUtc ?? DateTime.UtcNow.AddDays(-1);
            var meeting = new Meeting
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                Title = title ?? TestData.Unique("Meeting"),
                StartsAtUtc = starts,
                EndsAtUtc = starts.AddHours(2),
                PlaceName = "The community room",
                CancelledAtUtc = cancelled ? DateTime.UtcNow : null,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(meeting);
            db.AddRange((came ?? []).Select(m => new MeetingInvitee { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = m, Attended = true }));
            db.AddRange((didNotCome ?? []).Select(m => new MeetingInvitee { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = m, Attended = false }));
            await db.SaveChangesAsync();
            return meeting;
        });

    /// <summary>An action for <paramref name="memberId"/> by <paramref name="dueOn"/> (a day), done when <paramref name="doneAtUtc"/> is given.</summary>
    public static Task<ProjectAction> AddActionAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        Guid memberId, DateOnly dueOn, string? what = null, DateTime? doneAtUtc = null, Guid? meetingId = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var action = new ProjectAction
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                What = what ?? TestData.Unique("Action"),
                MemberId = memberId,
                DueOn = dueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                MeetingId = meetingId,
                DoneAtUtc = doneAtUtc,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(action);
            await db.SaveChangesAsync();
            return action;
        });

    /// <summary>
    /// A decision in a project's log with <paramref name="present"/> (members of its team) in the room, its level worked
    /// out by the app's own rule; a vote is counted as everyone in the room voting for.
    /// </summary>
    public static Task<Decision> AddDecisionAsync(this WebApplicationFactory<Program> app, TestOrganisation organisation, Guid projectId,
        DecisionWay how = DecisionWay.TogetherByConsensus, Guid[]? present = null, string? what = null, string? options = "One way\nAnother way",
        DateTime? decidedOn = null, Guid? meetingId = null, string? dissent = null) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var ids = present ?? [];
            var members = await db.Set<ProjectMember>().Where(m => ids.Contains(m.Id)).ToListAsync();
            var partners = members.Count(m => m.IsPartner);
            var staff = members.Count - partners;
            var (level, _) = ParticipationRule.Derive(how, partners, staff, ParticipationRule.OptionLines(options).Count);
            var decision = new Decision
            {
                Id = Guid.CreateVersion7(),
                ProjectId = projectId,
                MeetingId = meetingId,
                DecidedOn = decidedOn ?? DateTime.UtcNow.Date,
                What = what ?? TestData.Unique("Decision"),
                Options = options,
                How = how,
                VotesFor = how == DecisionWay.TogetherByVote ? members.Count : null,
                VotesAgainst = how == DecisionWay.TogetherByVote ? 0 : null,
                VotesAbstained = how == DecisionWay.TogetherByVote ? 0 : null,
                Dissent = dissent,
                PartnersPresent = partners,
                StaffPresent = staff,
                Level = level,
                RecordedAtUtc = DateTime.UtcNow,
            };
            db.Add(decision);
            db.AddRange(members.Select(m => new DecisionPresent { Id = Guid.CreateVersion7(), DecisionId = decision.Id, MemberId = m.Id }));
            await db.SaveChangesAsync();
            return decision;
        });
}
