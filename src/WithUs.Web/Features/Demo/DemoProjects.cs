using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// One project in each demo organisation, drawn from its case study and from something people said there: where it
/// stands in the four phases, what is open and what is fixed (with why), and one boundary changed, with why, so the
/// history shows. The things said that led to it show, step by step, what became of them. Harbour Lane's Saturday
/// idea, building up on the home page, is left for a newcomer to start a project from. Three are published on their
/// organisation's public pages (<see cref="Plan.Published"/>), where the partners who agreed to be named are named and
/// the others counted; Evergreen's new project and Open Arms', about what members share in confidence, are not.
/// </summary>
public static class DemoProjects
{
    public sealed record Fixed(string Text, BoundaryReason Reason, string Why);

    public sealed record Change(int Fixed, string Text, string Why);

    /// <summary>A partner in the team: their place in the organisation's list of people (<see cref="DemoVoice.Content.People"/>).</summary>
    public sealed record Partner(int Person, string Role, string? Gives = null);

    /// <summary>A project from a case study; <see cref="Published"/> is its summary for the public, when it is published.</summary>
    public sealed record Plan(string Title, string Purpose, string From, int StartedDaysAgo, CoPhase Now, string[] Goals,
        string[] Open, Fixed[] FixedOnes, Partner[] Team, Change? Changed = null, int? DeliveredDaysAgo = null, string? Delivered = null,
        string? RevisedRule = null, string? Published = null);

    /// <summary>In the order of <see cref="DemoSeeder.Organisations"/>.</summary>
    public static readonly IReadOnlyList<Plan> ForOrganisations =
    [
        // Harbour Lane Day Centre: peer mentors run the welcome desk and the Tuesday drop-in.
        new("Help with the housing register",
            "A weekly session where peer mentors and staff help people fill in the housing register form together, on the centre's computers.",
            "Help filling in the housing register form", 120, CoPhase.Delivery,
            ["Agree with people who have been through it what gets in the way of the form.", "Design a session that peer mentors can run.", "Run the session every week.", "Ask the people who came whether it helped."],
            ["Which day and time the sessions run", "How peer mentors and staff share each session", "What goes on the checklist people take home"],
            [new("People use the centre's computers, not their own phones", BoundaryReason.Safeguarding, "So nobody's login details stay on a phone that is lost or shared."),
             new("It is one session a week", BoundaryReason.Budget, "The housing grant pays for one member of staff for two hours a week.")],
            [new(0, "Peer mentor", "Runs the Tuesday session with staff"), new(6, "Co-designer", "Knows the form well, having done it three times"), new(2, "Co-designer", "Will put the checklist into Polish")],
            new(1, "It is two sessions a week from January", "The council's housing team will staff a second session."),
            RevisedRule: "Phones stay on silent in the sessions.",
            Published: "Peer mentors who have been through the housing register themselves run a weekly session with our staff, helping people fill in the form on the centre's computers. They designed it with us, from the times to the checklist people take home."),

        // Evergreen Social Club: members plan and host the events themselves.
        new("Warm mornings at the hall",
            "Keep the hall warm for the morning sessions, with the members who come to them.",
            "The hall is cold in the mornings", 20, CoPhase.Commissioning,
            ["Hear from the members who come in the mornings what would help most.", "", "", ""],
            ["Which mornings matter most", "Whether sessions start later in the winter"],
            [new("The church runs the hall's heating", BoundaryReason.Remit, "We rent the hall; the church sets the heating times, though we can ask."),
             new("Any change must cost under £300 a year", BoundaryReason.Budget, "That is what is left in this year's running costs.")],
            [new(0, "Chair", "Chairs the members' committee"), new(4, "Co-designer"), new(1, "Note-taker", "Writes up each meeting in large print")]),

        // Brookside Community Network: the women-only sports club, six years after women first asked.
        new("Women-only sports club",
            "A sports club just for women, designed with the women who first asked for it six years ago.",
            "A women-only sports club", 330, CoPhase.Assessment,
            ["Find out with the women what would make them come.", "Design the sessions, the coaches and the room together.", "Run the club every week.", "Look back together after the first season."],
            ["Which sports the club plays", "What the sessions cost, if anything", "How the room is set up"],
            [new("Coaches are women", BoundaryReason.Remit, "The club is for women who would not take part otherwise; the women who asked for it said so."),
             new("It meets in the community hall", BoundaryReason.Budget, "The hall is ours and free; hiring a sports centre is beyond the grant.")],
            [new(0, "Co-designer", "Asked for the club six years ago"), new(1, "Co-deliverer", "Coaches badminton on Thursdays"), new(2, "Host", "Welcomes new women at the door")],
            DeliveredDaysAgo: 60, Delivered: "The club has met every week since the spring, with women coaches and the windows covered.",
            Published: "Six years after women first asked us for it, we designed a sports club just for women, with the women who asked: women coaches, the windows covered, a crèche, and sessions everyone can afford. Now we are looking back together at its first season."),

        // Open Arms Cancer Support: shaped by the people who use it.
        new("Getting names right at the clinic",
            "Work with the clinic so that staff use the names and pronouns people ask for, every time.",
            "Staff at the clinic used the wrong name for me", 45, CoPhase.Commissioning,
            ["Hear from members what happened to them at the clinic, and what would help.", "", "", ""],
            ["What the card for clinic staff says", "Who from the group speaks to the clinic's team"],
            [new("We cannot change the hospital's record system", BoundaryReason.Remit, "It belongs to the NHS trust. We can ask them to, and we will."),
             new("Nobody's own story is shared with the clinic without their say-so", BoundaryReason.Safeguarding, "What people tell the group stays with the group unless they choose otherwise.")],
            [new(4, "Co-designer"), new(0, "Peer mentor", "A buddy for anyone going to the clinic"), new(1, "Co-designer", "Will talk to the clinic's team")]),

        // Millbrook Homes: the resident panel.
        new("Repairs review with residents",
            "Residents and staff look at how repairs are booked, together, and change what gets in the way.",
            "Repairs take too long to be booked in", 200, CoPhase.Delivery,
            ["Map how a repair is booked today, from the resident's side.", "Agree the changes with the panel.", "Make the changes and tell every tenant.", "Check with residents six months on."],
            ["What residents check in the repairs service", "How results are shared with every tenant"],
            [new("Emergency repairs keep their legal time limits", BoundaryReason.Law, "The law sets how fast an emergency repair must be done."),
             new("The board sets the repairs budget in June", BoundaryReason.Other, "The review's findings go to the board before it sets the year's budget.")],
            [new(1, "Co-designer", "Logs every repair he reports, for the review"), new(0, "Chair", "Chairs the resident panel"), new(2, "Note-taker")],
            new(0, "Emergency and urgent repairs keep their time limits", "The panel asked for urgent repairs to be protected too, and the board agreed."),
            RevisedRule: "Residents speak first at every meeting.",
            Published: "Residents on our panel are looking at how repairs are booked, from the tenant's side, and changing what gets in the way. At first we asked for their views; now the panel decides the changes with us, and checks ten repairs every month."),
    ];

    public static async Task SeedAsync(WithUsDbContext db, int organisation, IReadOnlyList<Person> people, Guid recordedBy, DateTime now,
        DateTime today, CancellationToken cancellationToken)
    {
        var plan = ForOrganisations[organisation];
        var started = now.AddDays(-plan.StartedDaysAgo);
        var project = new Project
        {
            Id = Ids.New(),
            Title = plan.Title,
            Purpose = plan.Purpose,
            CreatedByUserId = recordedBy,
            CreatedAtUtc = started,
            DeliveredAtUtc = plan.DeliveredDaysAgo is { } delivered ? now.AddDays(-delivered) : null,
            DeliverySummary = plan.Delivered,
            IsPublished = plan.Published is not null,
            PublicSummary = plan.Published,
            PublishedAtUtc = plan.Published is null ? null : now.AddDays(-Math.Min(14, plan.StartedDaysAgo / 2)),
        };
        project.Phases = CoPhaseWords.All.Select(phase => new ProjectPhase
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            Phase = phase,
            Goals = plan.Goals[(int)phase] is { Length: > 0 } goals ? goals : null,
            Status = phase < plan.Now ? PhaseStatus.Done : phase == plan.Now ? PhaseStatus.UnderWay : PhaseStatus.NotStarted,
            StartsOn = phase <= plan.Now ? today.AddDays(-plan.StartedDaysAgo + (int)phase * plan.StartedDaysAgo / 4) : null,
            EndsOn = phase < plan.Now ? today.AddDays(-plan.StartedDaysAgo + ((int)phase + 1) * plan.StartedDaysAgo / 4 - 1) : null,
        }).ToList();
        db.Add(project);

        var added = started.AddHours(2);
        var boundaries = plan.Open.Select(text => new Boundary
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            Kind = BoundaryKind.Open,
            Text = text,
            AddedAtUtc = added,
            AddedByUserId = recordedBy,
        })
            .Concat(plan.FixedOnes.Select(f => new Boundary
            {
                Id = Ids.New(),
                ProjectId = project.Id,
                Kind = BoundaryKind.Fixed,
                Text = f.Text,
                Reason = f.Reason,
                ReasonText = f.Why,
                AddedAtUtc = added,
                AddedByUserId = recordedBy,
            }))
            .ToList();
        db.AddRange(boundaries);
        if (plan.Changed is { } change)
        {
            var before = boundaries.Where(b => b.Kind == BoundaryKind.Fixed).ElementAt(change.Fixed);
            var changedAt = now.AddDays(-plan.StartedDaysAgo / 3);
            before.EndedAtUtc = changedAt;
            before.EndedByUserId = recordedBy;
            db.Add(new Boundary
            {
                Id = Ids.New(),
                ProjectId = project.Id,
                Kind = BoundaryKind.Fixed,
                Text = change.Text,
                Reason = before.Reason,
                ReasonText = before.ReasonText,
                AddedAtUtc = changedAt,
                AddedByUserId = recordedBy,
                ReplacesId = before.Id,
                ChangeWhy = change.Why,
            });
        }

        // The team: the member of staff who started it, and partners from the case study; the ground rules agreed by
        // all but the newest partner, and where the group revised them, a second version fewer have agreed to yet.
        var team = plan.Team.Select(p => new ProjectMember
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            PersonId = people[p.Person].Id,
            Role = p.Role,
            Gives = p.Gives,
            JoinedAtUtc = started.AddDays(1),
            AddedByUserId = recordedBy,
        })
            .Prepend(new ProjectMember
            {
                Id = Ids.New(),
                ProjectId = project.Id,
                UserId = recordedBy,
                Role = "Staff lead",
                JoinedAtUtc = started,
                AddedByUserId = recordedBy,
            })
            .ToList();
        db.AddRange(team);
        var rules = new GroundRules
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            Version = 1,
            Text = GroundRules.Starter,
            WrittenAtUtc = started.AddDays(2),
            WrittenByUserId = recordedBy,
        };
        db.Add(rules);
        db.AddRange(team.SkipLast(1).Select((m, i) => new GroundRulesAgreed
        {
            Id = Ids.New(),
            GroundRulesId = rules.Id,
            MemberId = m.Id,
            AgreedAtUtc = started.AddDays(3 + i),
            RecordedByUserId = i % 2 == 0 ? recordedBy : null,
        }));
        if (plan.RevisedRule is { } newRule)
        {
            var revised = new GroundRules
            {
                Id = Ids.New(),
                ProjectId = project.Id,
                Version = 2,
                Text = GroundRules.Starter + "\n" + newRule,
                WhatChanged = "Added: " + newRule,
                WrittenAtUtc = started.AddDays(plan.StartedDaysAgo / 2),
                WrittenByUserId = recordedBy,
            };
            db.Add(revised);
            db.AddRange(team.Take(2).Select(m => new GroundRulesAgreed
            {
                Id = Ids.New(),
                GroundRulesId = revised.Id,
                MemberId = m.Id,
                AgreedAtUtc = revised.WrittenAtUtc.AddDays(1),
                RecordedByUserId = recordedBy,
            }));
        }

        // Meetings: one held (who came, notes, a partner's bus fare) and one to come, where not every need is met yet,
        // so the gap shows before it happens.
        var zone = OrganisationClock.ZoneOf(null);
        DateTime At(int daysFromToday, int hour) =>
            TimeZoneInfo.ConvertTimeToUtc(DateOnly.FromDateTime(today).AddDays(daysFromToday).ToDateTime(new TimeOnly(hour, 0)), zone);
        var partners = team.Where(m => m.PersonId is not null).ToList();
        var held = new Meeting
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            Title = "First meeting of the group",
            StartsAtUtc = At(-plan.StartedDaysAgo / 2, 10),
            EndsAtUtc = At(-plan.StartedDaysAgo / 2, 12),
            Format = MeetingFormat.InPerson,
            PlaceName = "The community room",
            Support = MeetingSupport.StepFreeAccess | MeetingSupport.NearTransport | MeetingSupport.TravelPaid | MeetingSupport.EasyReadPapers,
            Agenda = "Introductions\nWhat is open and what is fixed\nOur ground rules\nWhat we want to find out",
            Notes =
                "Everyone introduced themselves. We went through what is open and what is fixed, and agreed the ground rules. Ideas for what to find out are in the decision log.",
            CreatedByUserId = recordedBy,
            CreatedAtUtc = started.AddDays(1),
        };
        var next = new Meeting
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            Title = "Working meeting",
            StartsAtUtc = At(5, 14),
            EndsAtUtc = At(5, 16),
            Format = MeetingFormat.Both,
            PlaceName = partners.Count > 0 ? "A partner's own place: the allotment hut" : "The community room",
            IsPartnersPlace = true,
            OnlineLink = "https://meet.example.org/withus-demo",
            Support = MeetingSupport.NearTransport | MeetingSupport.TravelPaid,
            Agenda = "What we found out\nOptions to choose between",
            CreatedByUserId = recordedBy,
            CreatedAtUtc = now.AddDays(-2),
        };
        db.AddRange(held, next);
        db.AddRange(team.Select((m, i) => new MeetingInvitee { Id = Ids.New(), MeetingId = held.Id, MemberId = m.Id, Attended = i < team.Count - 1 }));
        db.AddRange(team.Select(m => new MeetingInvitee { Id = Ids.New(), MeetingId = next.Id, MemberId = m.Id }));
        if (partners.Count > 0)
        {
            db.Add(new MeetingExpense
            {
                Id = Ids.New(),
                MeetingId = held.Id,
                MemberId = partners[0].Id,
                Kind = ExpenseKind.Travel,
                AmountPence = 320,
                Note = "Two bus fares",
                RecordedAtUtc = held.EndsAtUtc.AddHours(1),
                RecordedByUserId = recordedBy,
            });
        }

        // What was said that led to it: considered first, then part of the project (and done, when it delivered).
        var idea = await db.Contributions.SingleAsync(c => c.LinkedToId == null && c.Text.StartsWith(plan.From), cancellationToken);
        idea.ProjectId = project.Id;
        var considered = idea.SaidOnUtc + (started - idea.SaidOnUtc) / 2;
        var steps = new List<(OutcomeStatus Outcome, DateTime At, string Explanation)>
        {
            (OutcomeStatus.BeingConsidered, considered, "Thank you. We are looking at this with other people who said the same."),
        };
        if (idea.Outcome == OutcomeStatus.Done && project.DeliveredAtUtc is { } done)
        {
            steps.Add((OutcomeStatus.PartOfProject, started, ProjectStart.DefaultTellThem));
            steps.Add((OutcomeStatus.Done, done, idea.OutcomeExplanation ?? ""));
            idea.OutcomeAtUtc = done;
            idea.ToldAtUtc = idea.ToldAtUtc is null ? null : done.AddDays(3);
        }
        else
        {
            idea.Outcome = OutcomeStatus.PartOfProject;
            idea.OutcomeExplanation ??= ProjectStart.DefaultTellThem;
            steps.Add((OutcomeStatus.PartOfProject, started, idea.OutcomeExplanation));
            idea.OutcomeAtUtc = started;
        }

        await db.SaveChangesAsync(cancellationToken);

        // The history written by that save says "today": the demo's is its story, dated.
        await db.Set<ContributionOutcome>().Where(o => o.ContributionId == idea.Id).ExecuteDeleteAsync(cancellationToken);

        db.AddRange(steps.Select(s => new ContributionOutcome
        {
            Id = Ids.New(),
            ContributionId = idea.Id,
            Outcome = s.Outcome,
            Explanation = s.Explanation,
            ProjectId = s.Outcome == OutcomeStatus.PartOfProject ? project.Id : null,
            AtUtc = s.At,
            ByUserId = recordedBy,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
