using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Infrastructure;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Bench.Region;

/// <summary>
/// An organisation's projects (issue 11), in proportion to its size: about one for every 2,000 things people said (the
/// largest of the full region, 100,000, has 50; one with a few hundred has one or none), over the last three years,
/// the older further through the four phases and about half of those over a year old delivered. Each has what is open
/// and fixed (a few changed, keeping the old version), a team of partners (first the people who said its ideas) and
/// staff, ground rules agreed by most, meetings every few weeks with who came and a few expenses, one to come while it
/// is under way, and decisions at them with who was in the room, each level worked out by the app's own
/// <see cref="ParticipationRule"/>; and the ideas that led to it (part of it, or done once it delivered). The largest
/// organisation's first project is a busy one: 20 in the team (2 of them left), 12 meetings and 40 decisions.
/// It draws its own random numbers, so the rest of the region is drawn as it was before there were projects.
/// </summary>
public sealed class OrganisationProjects(int seed, DateTime nowUtc)
{
    private readonly Random random = new(seed);

    private static readonly string[] Titles =
    [
        "Saturday opening", "Warm mornings", "A welcome pack in plain words", "The garden at the back", "Help with the housing register",
        "A lunch club that people run", "Getting here by bus", "The new website", "Women-only sports", "A quiet room",
        "Money advice drop-in", "Young carers' evenings", "The summer trip", "Peer mentors", "Reviewing how we say no",
        "A cooking course", "The noticeboard", "Volunteer training", "Men's group", "Digital help on Tuesdays",
        "Accessible toilets", "A newsletter people write", "Translating our forms", "The café", "Walking group",
    ];

    private static readonly string?[] Purposes =
    [
        "People asked for it again and again; we will shape it with them.", "To do what people told us they need, with them.",
        "Several people said the same thing in different words.", null, null,
    ];

    private static readonly (string Text, BoundaryReason? Reason, string? Why)[] BoundaryTexts =
    [
        ("Which day of the week it runs", null, null),
        ("What it is called", null, null),
        ("What we offer on the day", null, null),
        ("Who it is for", null, null),
        ("How we tell people about it", null, null),
        ("It closes by 2pm", BoundaryReason.Budget, "The grant pays for one morning of staff time a week."),
        ("Children are always with an adult they know", BoundaryReason.Safeguarding, "Keeping children safe is not for a vote."),
        ("Food is prepared by someone with a hygiene certificate", BoundaryReason.Law, "The law says so."),
        ("It stays within the borough", BoundaryReason.Remit, "It is what our charity is for."),
        ("It runs for at least a year", BoundaryReason.FunderCondition, "The funder's condition for the grant."),
    ];

    private static readonly string[] DecisionTexts =
    [
        "It runs on Saturdays from 10am to 1pm", "We meet in the community room, not the office", "Peer mentors and staff run it together",
        "Everyone who comes gets a hot drink and toast", "The leaflet is written by the group, in plain words", "We try it for three months first",
        "Bus fares are paid back on the day, in cash", "Two partners join the interview panel", "The budget goes on a cooker, not chairs",
        "We ask the council for the hall on Thursdays", "Children are welcome with an adult they know", "The first session is a tour of the building",
        "We keep a list of who would like a reminder by text", "The group chooses the name", "The review is done by the group, not by staff alone",
        "We stop the Tuesday session: too few came", "Notes of each meeting go out in easy read", "A quiet corner is kept free of music",
        "The board's decision on opening hours stands this year", "We apply to the lottery fund for the second year",
    ];

    private static readonly string?[] OptionSets =
    [
        "Saturdays\nSundays", "The community room\nThe office\nThe church hall", "Three months\nSix months", "A cooker\nNew chairs",
        "Hot drinks and toast\nA full breakfast\nNothing", null, "Yes", "By text\nBy phone\nBy email",
    ];

    private static readonly string[] FirstNames = ["Ruth", "Owen", "Farah", "Neil", "Grace", "Tariq", "Megan", "Colin", "Asha", "Leon", "Bev", "Stuart"];

    private static readonly MeetingSupport[] Supports =
    [
        MeetingSupport.StepFreeAccess | MeetingSupport.NearTransport | MeetingSupport.TravelPaid,
        MeetingSupport.StepFreeAccess | MeetingSupport.HearingLoop | MeetingSupport.AccessibleToilet | MeetingSupport.TravelPaid,
        MeetingSupport.QuietRoom | MeetingSupport.EasyReadPapers,
        MeetingSupport.None,
    ];

    /// <summary>The projects of an organisation with <paramref name="contributions"/> things said: its staff (accounts and memberships) and everything above.</summary>
    public void Add(RegionRows rows, Organisation organisation, IReadOnlyList<Person> people, IReadOnlyList<Contribution> ideas,
        IReadOnlyList<Theme> themes, int contributions, bool largest)
    {
        var count = contributions < 150 ? 0 : Math.Max(1, (int)Math.Round(contributions / 2000.0));
        if (count == 0)
        {
            return;
        }

        var staff = StaffOf(rows, organisation, Math.Clamp(3 + (contributions / 5000), 3, 25));
        var partOfProject = ideas.Where(i => i.Outcome == OutcomeStatus.PartOfProject).ToList();
        for (var i = 0; i < count; i++)
        {
            var busy = largest && i == 0;
            var shape = busy ? Shape.Busy(staff.Count) : Ordinary(staff.Count);
            var title = Titles[i % Titles.Length] + (i < Titles.Length ? "" : $" ({(i / Titles.Length) + 1})");
            AddProject(rows, organisation, title, shape, people, partOfProject.Count > 0 ? partOfProject : ideas, ideas, themes, staff);
        }
    }

    /// <summary>How big one project is, and where it has got to.</summary>
    private sealed record Shape(int AgeDays, int Partners, int Staff, int Left, int Held, bool Upcoming, int Decisions, int Ideas,
        int Boundaries, int Changed, int RuleVersions, bool Delivered)
    {
        /// <summary>The largest organisation's busiest project: over a year in, still delivering.</summary>
        public static Shape Busy(int staffThere) =>
            new(AgeDays: 420, Partners: 20 - Math.Min(6, staffThere), Staff: Math.Min(6, staffThere), Left: 2, Held: 11, Upcoming: true, Decisions: 40, Ideas: 10,
                Boundaries: 6, Changed: 2, RuleVersions: 2, Delivered: false);
    }

    private Shape Ordinary(int staffThere)
    {
        var age = random.Next(14, 1100);
        var delivered = age > 365 && random.Next(2) == 0;
        var held = Math.Min(1 + (age / 35), random.Next(1, 9));
        return new Shape(age, random.Next(2, 9), Math.Min(staffThere, random.Next(1, 4)), random.Next(4) == 0 ? 1 : 0, held,
            Upcoming: !delivered && random.Next(10) < 6, Decisions: Enumerable.Range(0, held).Sum(_ => random.Next(0, 4)), Ideas: random.Next(1, 7),
            Boundaries: random.Next(1, 6), Changed: random.Next(3) == 0 ? 1 : 0, RuleVersions: random.Next(5) == 0 ? 2 : 1, delivered);
    }

    /// <summary>The organisation's staff: accounts (who never sign in here) and their memberships.</summary>
    private List<ApplicationUser> StaffOf(RegionRows rows, Organisation organisation, int count)
    {
        var staff = Enumerable.Range(0, count).Select(n =>
        {
            var email = $"staff-{organisation.Slug}-{n + 1}@bench.invalid";
            return new ApplicationUser
            {
                Id = Ids.New(),
                DisplayName = $"{FirstNames[random.Next(FirstNames.Length)]} {(char)('A' + random.Next(26))}",
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Ids.New().ToString("N"),
                ConcurrencyStamp = Ids.New().ToString(),
                LockoutEnabled = true,
                CreatedAtUtc = organisation.CreatedAtUtc,
            };
        }).ToList();
        rows.Users.AddRange(staff);
        rows.Memberships.AddRange(staff.Select(u => new Membership
        {
            Id = Ids.New(),
            OrganisationId = organisation.Id,
            UserId = u.Id,
            Role = OrganisationRole.Staff,
            CreatedAtUtc = organisation.CreatedAtUtc,
        }));
        return staff;
    }

    private void AddProject(RegionRows rows, Organisation organisation, string title, Shape shape, IReadOnlyList<Person> people,
        IReadOnlyList<Contribution> preferred, IReadOnlyList<Contribution> ideas, IReadOnlyList<Theme> themes, List<ApplicationUser> staff)
    {
        var created = nowUtc.AddDays(-shape.AgeDays).AddHours(-random.Next(24));
        var deliveredAt = shape.Delivered ? created.AddDays(shape.AgeDays * 0.7) : (DateTime?)null;
        var lead = staff[random.Next(staff.Count)];
        var project = new Project
        {
            Id = Ids.New(),
            OrganisationId = organisation.Id,
            Title = title,
            Purpose = Purposes[random.Next(Purposes.Length)],
            ThemeId = random.Next(3) == 0 ? themes[random.Next(themes.Count)].Id : null,
            CreatedByUserId = lead.Id,
            CreatedAtUtc = created,
            DeliveredAtUtc = deliveredAt,
            DeliverySummary = shape.Delivered ? $"{title} happened, planned and run with the people who asked for it." : null,
        };
        rows.Projects.Add(project);
        rows.ProjectPhases.AddRange(Phases(project, shape));

        var said = LinkIdeas(project, shape, preferred, ideas);
        AddBoundaries(rows, project, shape);
        var team = Team(rows, project, shape, people, said, staff, lead);
        AddGroundRules(rows, project, shape, team);
        var held = AddMeetings(rows, project, shape, team);
        AddDecisions(rows, project, shape, held, team);
    }

    /// <summary>The four phases, as far on as the project's age says.</summary>
    private static List<ProjectPhase> Phases(Project project, Shape shape)
    {
        var reached = shape.Delivered ? CoPhase.Assessment : shape.AgeDays switch
        {
            < 60 => CoPhase.Commissioning,
            < 180 => CoPhase.Design,
            _ => CoPhase.Delivery,
        };
        var phases = ProjectPhase.ForNewProject(project.Id, Day(project.CreatedAtUtc));
        foreach (var phase in phases)
        {
            phase.OrganisationId = project.OrganisationId;
            phase.Status = phase.Phase < reached ? PhaseStatus.Done : phase.Phase == reached ? PhaseStatus.UnderWay : PhaseStatus.NotStarted;
            phase.StartsOn = phase.Phase <= reached ? Day(project.CreatedAtUtc.AddDays((int)phase.Phase * shape.AgeDays / 4.0)) : null;
            phase.EndsOn = phase.Phase < reached ? Day(project.CreatedAtUtc.AddDays(((int)phase.Phase + 1) * shape.AgeDays / 4.0)) : null;
            phase.Goals = phase.Phase <= reached ? $"{phase.Phase.WhatHappens()}, with the people who asked for it." : null;
        }

        return phases;
    }

    /// <summary>What people said that led to it, said before it started: part of it, or done once it delivered.</summary>
    private List<Contribution> LinkIdeas(Project project, Shape shape, IReadOnlyList<Contribution> preferred, IReadOnlyList<Contribution> ideas)
    {
        bool Free(Contribution c) => c.ProjectId is null && c.CreatedAtUtc < project.CreatedAtUtc;
        var candidates = preferred.Where(Free).ToList();
        if (candidates.Count < shape.Ideas)
        {
            candidates.AddRange(ideas.Where(c => Free(c) && c.Outcome != OutcomeStatus.PartOfProject).Take(shape.Ideas * 20));
        }

        var linked = candidates.OrderBy(_ => random.Next()).Take(shape.Ideas).ToList();
        foreach (var idea in linked)
        {
            idea.ProjectId = project.Id;
            idea.Outcome = project.DeliveredAtUtc is null ? OutcomeStatus.PartOfProject : OutcomeStatus.Done;
            idea.NotPossibleReason = null;
            idea.OutcomeAtUtc = project.DeliveredAtUtc ?? project.CreatedAtUtc;
            idea.OutcomeExplanation = project.DeliveredAtUtc is null
                ? $"It is part of our project \"{project.Title}\": you can take part."
                : project.DeliverySummary;
        }

        return linked;
    }

    private void AddBoundaries(RegionRows rows, Project project, Shape shape)
    {
        foreach (var (text, reason, why) in BoundaryTexts.OrderBy(_ => random.Next()).Take(shape.Boundaries).ToList())
        {
            var boundary = new Boundary
            {
                Id = Ids.New(),
                OrganisationId = project.OrganisationId,
                ProjectId = project.Id,
                Kind = reason is null ? BoundaryKind.Open : BoundaryKind.Fixed,
                Text = text,
                Reason = reason,
                ReasonText = why,
                AddedAtUtc = project.CreatedAtUtc.AddHours(1),
                AddedByUserId = project.CreatedByUserId,
            };
            rows.Boundaries.Add(boundary);
            if (rows.Boundaries.Count(b => b.ProjectId == project.Id && b.ReplacesId != null) < shape.Changed)
            {
                var changedAt = project.CreatedAtUtc.AddDays(shape.AgeDays / 2.0);
                boundary.EndedAtUtc = changedAt;
                boundary.EndedByUserId = project.CreatedByUserId;
                rows.Boundaries.Add(new Boundary
                {
                    Id = Ids.New(),
                    OrganisationId = project.OrganisationId,
                    ProjectId = project.Id,
                    Kind = boundary.Kind,
                    Text = text + ", for now",
                    Reason = reason,
                    ReasonText = why,
                    AddedAtUtc = changedAt,
                    AddedByUserId = project.CreatedByUserId,
                    ReplacesId = boundary.Id,
                    ChangeWhy = "The group asked to look at it again after the first months.",
                });
            }
        }
    }

    /// <summary>Partners (first those who said its ideas, a few needing something to take part) and staff (its lead first); some left part way.</summary>
    private List<ProjectMember> Team(RegionRows rows, Project project, Shape shape, IReadOnlyList<Person> people, List<Contribution> said,
        List<ApplicationUser> staff, ApplicationUser lead)
    {
        var saidBy = said.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToHashSet();
        var partners = people.Where(p => saidBy.Contains(p.Id))
            .Concat(people.Where(p => !saidBy.Contains(p.Id)).OrderBy(_ => random.Next()).Take(shape.Partners))
            .Take(shape.Partners).ToList();
        foreach (var partner in partners.Where(_ => random.Next(5) == 0))
        {
            partner.AccessNeeds |= random.Next(3) switch
            {
                0 => AccessNeed.StepFreeAccess,
                1 => AccessNeed.HearingLoop | AccessNeed.LargePrint,
                _ => AccessNeed.TravelSupport,
            };
        }

        var team = new List<ProjectMember>();
        ProjectMember Member(Guid? personId, Guid? userId, string role, int joinedAfterDays) => new()
        {
            Id = Ids.New(),
            OrganisationId = project.OrganisationId,
            ProjectId = project.Id,
            PersonId = personId,
            UserId = userId,
            Role = role,
            Gives = random.Next(3) == 0 ? "Two hours a week" : null,
            JoinedAtUtc = project.CreatedAtUtc.AddDays(joinedAfterDays),
            AddedByUserId = lead.Id,
        };

        team.AddRange(staff.Where(s => s != lead).OrderBy(_ => random.Next()).Take(shape.Staff - 1).Prepend(lead)
            .Select((s, n) => Member(null, s.Id, n == 0 ? "Staff lead" : "Staff", 1)));
        team.AddRange(partners.Select((p, n) => Member(p.Id, null, ProjectMember.SuggestedRoles[n % 5], n < 3 ? 1 : random.Next(1, Math.Max(2, shape.AgeDays / 3)))));
        foreach (var leaver in team.Where(m => m.IsPartner).OrderBy(_ => random.Next()).Take(shape.Left))
        {
            leaver.LeftAtUtc = leaver.JoinedAtUtc.AddDays((nowUtc - leaver.JoinedAtUtc).TotalDays / 2);
        }

        rows.ProjectMembers.AddRange(team);
        return team;
    }

    /// <summary>A first version a few days in, agreed by those there; a revision half way, agreed by all but a couple.</summary>
    private void AddGroundRules(RegionRows rows, Project project, Shape shape, List<ProjectMember> team)
    {
        for (var version = 1; version <= shape.RuleVersions; version++)
        {
            var written = version == 1 ? project.CreatedAtUtc.AddDays(3) : project.CreatedAtUtc.AddDays(shape.AgeDays / 2.0);
            var rules = new GroundRules
            {
                Id = Ids.New(),
                OrganisationId = project.OrganisationId,
                ProjectId = project.Id,
                Version = version,
                Text = GroundRules.Starter,
                WhatChanged = version == 1 ? null : "We added: phones on silent during meetings.",
                WrittenAtUtc = written,
                WrittenByUserId = project.CreatedByUserId,
            };
            rows.GroundRules.Add(rules);
            var agreeing = team.Where(m => m.LeftAtUtc is null || m.LeftAtUtc > written).ToList();
            rows.GroundRulesAgreed.AddRange(agreeing.Take(agreeing.Count - (version == shape.RuleVersions ? Math.Min(2, agreeing.Count / 4) : 0))
                .Select(m => new GroundRulesAgreed
                {
                    Id = Ids.New(),
                    OrganisationId = project.OrganisationId,
                    GroundRulesId = rules.Id,
                    MemberId = m.Id,
                    AgreedAtUtc = Pick.Later(written, m.JoinedAtUtc).AddDays(1),
                    RecordedByUserId = m.IsPartner && random.Next(2) == 0 ? null : project.CreatedByUserId,
                }));
        }
    }

    /// <summary>
    /// Meetings every few weeks from its start to now (or to when it delivered), everyone then in the team invited,
    /// attendance taken (most came), a few partners' bus fares; and one to come while it is under way. Returns the
    /// held ones, each with who came.
    /// </summary>
    private List<(Meeting Meeting, List<ProjectMember> Came)> AddMeetings(RegionRows rows, Project project, Shape shape, List<ProjectMember> team)
    {
        var held = new List<(Meeting, List<ProjectMember>)>();
        var last = project.DeliveredAtUtc ?? nowUtc.AddDays(-2);
        var step = (last - project.CreatedAtUtc.AddDays(7)).TotalDays / Math.Max(1, shape.Held);
        for (var n = 0; n < shape.Held + (shape.Upcoming ? 1 : 0); n++)
        {
            var upcoming = n == shape.Held;
            var starts = upcoming
                ? nowUtc.Date.AddDays(random.Next(3, 21)).AddHours(17)
                : project.CreatedAtUtc.Date.AddDays(7 + (n * step)).AddHours(17);
            var meeting = new Meeting
            {
                Id = Ids.New(),
                OrganisationId = project.OrganisationId,
                ProjectId = project.Id,
                Title = n == 0 ? "First meeting of the group" : $"Meeting {n + 1}",
                StartsAtUtc = starts,
                EndsAtUtc = starts.AddHours(2),
                Format = random.Next(6) == 0 ? MeetingFormat.Both : MeetingFormat.InPerson,
                PlaceName = random.Next(4) == 0 ? "A partner's community hall" : "The community room",
                IsPartnersPlace = random.Next(4) == 0,
                Support = Supports[random.Next(Supports.Length)],
                Agenda = "Welcome and ground rules\nWhat we said last time\nWhat we decide today\nAnything else",
                Notes = upcoming ? null : "We went through the agenda. Decisions are in the log.",
                CreatedByUserId = project.CreatedByUserId,
                CreatedAtUtc = starts.AddDays(-14) < project.CreatedAtUtc ? project.CreatedAtUtc : starts.AddDays(-14),
            };
            rows.Meetings.Add(meeting);
            var invited = team.Where(m => m.JoinedAtUtc <= starts && (m.LeftAtUtc is null || m.LeftAtUtc > starts)).ToList();
            var came = new List<ProjectMember>();
            foreach (var member in invited)
            {
                bool? attended = upcoming ? null : random.Next(100) < (member.IsPartner ? 75 : 90);
                if (attended == true)
                {
                    came.Add(member);
                }

                rows.MeetingInvitees.Add(new MeetingInvitee
                {
                    Id = Ids.New(),
                    OrganisationId = project.OrganisationId,
                    MeetingId = meeting.Id,
                    MemberId = member.Id,
                    Attended = attended,
                    RemindedAtUtc = member.IsPartner && random.Next(2) == 0 ? starts.AddDays(-1) : null,
                    RemindedBy = null,
                });
            }

            if (upcoming)
            {
                continue;
            }

            rows.MeetingExpenses.AddRange(came.Where(m => m.IsPartner && random.Next(4) == 0).Select(m => new MeetingExpense
            {
                Id = Ids.New(),
                OrganisationId = project.OrganisationId,
                MeetingId = meeting.Id,
                MemberId = m.Id,
                Kind = random.Next(5) == 0 ? ExpenseKind.Childcare : ExpenseKind.Travel,
                AmountPence = random.Next(250, 1200),
                RecordedAtUtc = starts.AddHours(3),
                RecordedByUserId = project.CreatedByUserId,
            }));
            held.Add((meeting, came));
        }

        return held;
    }

    /// <summary>
    /// Decisions at the meetings held, spread across them, with who came in the room (a partner and a member of staff
    /// at least, else the way is one staff can decide alone); a few by staff between meetings. Each level is the
    /// app's <see cref="ParticipationRule"/> on those facts, which must raise no problem.
    /// </summary>
    private void AddDecisions(RegionRows rows, Project project, Shape shape, List<(Meeting Meeting, List<ProjectMember> Came)> held, List<ProjectMember> team)
    {
        if (held.Count == 0)
        {
            return;
        }

        for (var n = 0; n < shape.Decisions; n++)
        {
            var (meeting, came) = held[n * held.Count / shape.Decisions];
            var atMeeting = random.Next(10) > 0 && came.Any(m => m.IsPartner) && came.Any(m => !m.IsPartner);
            var how = atMeeting
                ? (DecisionWay)random.Weighted([12, 30, 15, 25, 12, 6])
                : random.Next(2) == 0 ? DecisionWay.StaffAlone : DecisionWay.PartnersInformedAfterwards;
            var present = atMeeting ? came.Where(_ => random.Next(10) > 0).ToList() : [];
            if (!atMeeting || !present.Any(m => m.IsPartner) || !present.Any(m => !m.IsPartner))
            {
                present = atMeeting ? came : [.. team.Where(m => !m.IsPartner).Take(1)];
            }

            var partners = present.Count(m => m.IsPartner);
            var staffPresent = present.Count - partners;
            var options = OptionSets[random.Next(OptionSets.Length)];
            (int For, int Against, int Neither)? votes = how == DecisionWay.TogetherByVote
                ? (present.Count - (present.Count / 3), present.Count / 4, (present.Count / 3) - (present.Count / 4))
                : null;
            var problems = ParticipationRule.Problems(how, partners, staffPresent, votes?.For, votes?.Against, votes?.Neither);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"A generated decision the app would refuse: {string.Join("; ", problems.Select(p => p.Message))}");
            }

            var (level, _) = ParticipationRule.Derive(how, partners, staffPresent, ParticipationRule.OptionLines(options).Count);
            var decision = new Decision
            {
                Id = Ids.New(),
                OrganisationId = project.OrganisationId,
                ProjectId = project.Id,
                MeetingId = atMeeting ? meeting.Id : null,
                DecidedOn = Day(atMeeting ? meeting.StartsAtUtc : NotAfterNow(meeting.StartsAtUtc.AddDays(3))),
                What = DecisionTexts[random.Next(DecisionTexts.Length)],
                Options = options,
                How = how,
                VotesFor = votes?.For,
                VotesAgainst = votes?.Against,
                VotesAbstained = votes?.Neither,
                Dissent = random.Next(8) == 0 ? "One partner would rather have waited until more people could come." : null,
                PartnersPresent = partners,
                StaffPresent = staffPresent,
                Level = level,
                RecordedByUserId = project.CreatedByUserId,
                RecordedAtUtc = NotAfterNow(meeting.EndsAtUtc.AddMinutes(10 + n)),
            };
            rows.Decisions.Add(decision);
            rows.DecisionPresent.AddRange(present.Select(m => new DecisionPresent
            {
                Id = Ids.New(),
                OrganisationId = project.OrganisationId,
                DecisionId = decision.Id,
                MemberId = m.Id,
            }));
        }
    }

    /// <summary>A day as the app stores one: that date at UTC midnight.</summary>
    private static DateTime Day(DateTime utc) => DateTime.SpecifyKind(utc.Date, DateTimeKind.Utc);

    private DateTime NotAfterNow(DateTime utc) => utc < nowUtc ? utc : nowUtc.AddMinutes(-1);
}
