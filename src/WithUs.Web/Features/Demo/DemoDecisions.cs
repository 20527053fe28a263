using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// A decision log for each demo project, drawn from its case study, each decision's level worked out by the app's own
/// rule from who was in the room, so every profile tells a story: Harbour Lane mostly co-produced, with one decision
/// about keeping people safe that staff kept; Evergreen's new project still finding its way; Brookside's club shaped by
/// the women who asked for it; Open Arms keeping what members say within the group; Millbrook's review consulting
/// residents at first and deciding with them later. The project and its team are read from the database.
/// </summary>
public static class DemoDecisions
{
    /// <summary>
    /// One decision. <see cref="Present"/> names who was in the room: "s" the member of staff who leads the project,
    /// "p0", "p1", "p2" its partners by name. <see cref="Options"/> has one option on each line.
    /// </summary>
    public sealed record Planned(int DaysAgo, string What, string? Options, DecisionWay How, string Present,
        (int For, int Against, int Neither)? Votes = null, string? Dissent = null);

    /// <summary>In the order of <see cref="DemoSeeder.Organisations"/>.</summary>
    public static readonly IReadOnlyList<Planned[]> ForOrganisations =
    [
        // Harbour Lane Day Centre, "Help with the housing register": peer mentors and staff decide together, except
        // where the centre keeps people safe.
        [
            new(110, "Peer mentors and staff run the sessions together, one of each at every session.",
                "Staff run them, peer mentors help\nPeer mentors and staff run them together\nPeer mentors run them, staff on call",
                DecisionWay.TogetherByConsensus, "s p0 p1 p2"),
            new(95, "People use the centre's computers for the form, not their own phones.", "The centre's computers",
                DecisionWay.StaffAlone, "s p0 p1",
                Dissent: "Two peer mentors said people trust their own phones more. Staff explained why, and agreed to look at it again in a year."),
            new(80, "The sessions run on Tuesdays, 10am to noon, after the drop-in breakfast.",
                "Tuesday 10am to noon\nWednesday 2pm to 4pm\nThursday evening", DecisionWay.TogetherByVote, "s p0 p1 p2", (3, 1, 0),
                "One peer mentor wanted an evening session, for people who work days."),
            new(60, "The checklist people take home has six steps, in English and Polish.",
                "Six steps, in English and Polish\nTen steps, in English only", DecisionWay.PartnersDecided, "s p0 p1 p2"),
            new(30, "Everyone who came in the first two months is asked whether it helped, with a short form at the desk.",
                "A short form at the desk\nA phone call a week later", DecisionWay.TogetherByConsensus, "s p0 p2"),
        ],

        // Evergreen Social Club, "Warm mornings at the hall": a new project, still finding its way.
        [
            new(18, "Ask the church to put the heating on an hour earlier on Tuesday and Thursday mornings.",
                "Ask for the heating an hour earlier\nBuy portable heaters\nStart the morning sessions at 11am", DecisionWay.TogetherByVote,
                "s p0 p1 p2", (2, 1, 1), "One member would rather start later in the winter, so nobody waits in the cold."),
            new(12, "The committee's chair goes with the coordinator to speak to the church warden.", "The chair and the coordinator go together",
                DecisionWay.PartnersDecided, "s p0 p1 p2"),
            new(5, "Blankets and hot drinks are ready from 9:30am until the hall warms up.",
                "Blankets and hot drinks from 9:30am\nWait for the heating to change", DecisionWay.StaffAfterConsultingPartners, "s p0"),
            new(3, "The club spends up to £150 of this year's running costs on two portable heaters.", "Two portable heaters\nNo heaters this year",
                DecisionWay.PartnersInformedAfterwards, "s"),
        ],

        // Brookside Community Network, "Women-only sports club": designed with the women who asked for it.
        [
            new(320, "The club plays badminton and netball in its first season.", "Badminton\nNetball\nFive-a-side football\nYoga",
                DecisionWay.TogetherByVote, "s p0 p1 p2", (3, 0, 1)),
            new(290, "The coaches are women, and the hall's windows are covered during sessions.", "Women coaches, windows covered",
                DecisionWay.PartnersDecided, "p0 p1 p2"),
            new(250, "Sessions are free for the first season, then £1 a week.", "Free\n£1 a week from the start\nFree for the first season, then £1 a week",
                DecisionWay.TogetherByConsensus, "s p0 p1"),
            new(200, "The club meets on Thursday evenings, 7pm to 8:30pm, with a crèche.", "Thursday evenings with a crèche\nSaturday mornings",
                DecisionWay.PartnersDecided, "s p0 p1 p2"),
            new(40, "The season's review is a social evening, with a short form for anyone who wants one.",
                "A social evening with a short form\nA survey sent to everyone", DecisionWay.TogetherByConsensus, "s p0 p2"),
        ],

        // Open Arms Cancer Support, "Getting names right at the clinic": what members share stays with them.
        [
            new(40, "What members tell the group about the clinic stays with the group unless they say otherwise.", null,
                DecisionWay.StaffAlone, "s p0 p1"),
            new(30, "The card for clinic staff asks them to check the name and pronouns on the member's own card.",
                "A card members hand to clinic staff\nA poster in the waiting room\nBoth", DecisionWay.TogetherByConsensus, "s p0 p1 p2"),
            new(20, "Two members and the coordinator meet the clinic's team in the spring.",
                "Two members and the coordinator\nThe coordinator alone, with members' stories", DecisionWay.TogetherByVote, "s p0 p1 p2", (3, 1, 0),
                "One member felt it would be too hard to go in person, and would rather send their story in writing."),
            new(10, "The buddy scheme covers clinic visits from next month.", "Buddies for clinic visits\nBuddies for groups only",
                DecisionWay.StaffAfterConsultingPartners, "s"),
        ],

        // Millbrook Homes, "Repairs review with residents": residents asked at first, deciding with staff later.
        [
            new(190, "The review looks at how repairs are booked, not how fast they are done.", "How repairs are booked\nHow fast repairs are done",
                DecisionWay.StaffAfterConsultingPartners, "s"),
            new(170, "Residents on the panel keep a log of every call they make to book a repair.", "A log of every call",
                DecisionWay.StaffAfterConsultingPartners, "s"),
            new(140, "The panel checks ten repairs a month, chosen at random.", "Ten a month, chosen at random\nEvery repair over £500",
                DecisionWay.StaffAfterConsultingPartners, "s p0"),
            new(100, "Tenants can book repairs by text message as well as by phone.", "Booking by text message",
                DecisionWay.TogetherByConsensus, "s p0 p1 p2"),
            new(60, "Urgent repairs keep their time limits too, as emergencies do.", "Protect urgent repairs too\nProtect emergencies only",
                DecisionWay.TogetherByVote, "s p0 p1 p2", (3, 1, 0), "One resident felt the time limits for urgent repairs should be shorter still."),
            new(20, "Every tenant gets a one-page summary of the changes with their rent statement.",
                "With the rent statement\nA separate letter\nOn the website only", DecisionWay.PartnersDecided, "p0 p1 p2"),
        ],
    ];

    public static async Task SeedAsync(WithUsDbContext db, int organisation, Guid recordedBy, DateTime now, DateTime today,
        CancellationToken cancellationToken)
    {
        var (project, who) = await TeamAsync(db, organisation, recordedBy, cancellationToken);

        foreach (var plan in ForOrganisations[organisation])
        {
            var present = plan.Present.Split(' ').Select(key => who[key]).ToList();
            var partners = plan.Present.Split(' ').Count(key => key.StartsWith('p'));
            var staff = present.Count - partners;
            var options = ParticipationRule.OptionLines(plan.Options);
            var problems = ParticipationRule.Problems(plan.How, partners, staff, plan.Votes?.For, plan.Votes?.Against, plan.Votes?.Neither);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"Demo decision \"{plan.What}\": {string.Join("; ", problems.Select(p => p.Message))}");
            }

            var decision = new Decision
            {
                Id = Ids.New(),
                ProjectId = project.Id,
                DecidedOn = today.AddDays(-plan.DaysAgo),
                What = plan.What,
                WhatKey = Decision.KeyOf(plan.What),
                Options = options.Count == 0 ? null : string.Join('\n', options),
                How = plan.How,
                VotesFor = plan.Votes?.For,
                VotesAgainst = plan.Votes?.Against,
                VotesAbstained = plan.Votes?.Neither,
                Dissent = plan.Dissent,
                PartnersPresent = partners,
                StaffPresent = staff,
                Level = ParticipationRule.Derive(plan.How, partners, staff, options.Count).Level,
                RecordedByUserId = recordedBy,
                RecordedAtUtc = now.AddDays(-plan.DaysAgo),
            };
            db.Add(decision);
            db.AddRange(present.Select(memberId => new DecisionPresent { Id = Ids.New(), DecisionId = decision.Id, MemberId = memberId }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The organisation's demo project and its team now by key: "s" the member of staff who leads it, "p0", "p1", "p2"
    /// its partners in order of name.
    /// </summary>
    internal static async Task<(Project Project, Dictionary<string, Guid> Who)> TeamAsync(WithUsDbContext db, int organisation, Guid recordedBy,
        CancellationToken cancellationToken)
    {
        var title = DemoProjects.ForOrganisations[organisation].Title;
        var project = await db.Set<Project>().AsNoTracking().SingleAsync(p => p.Title == title, cancellationToken);
        var team = await db.Set<ProjectMember>().AsNoTracking().Include(m => m.Person)
            .Where(m => m.ProjectId == project.Id && m.LeftAtUtc == null).ToListAsync(cancellationToken);
        var who = team.Where(m => m.IsPartner).OrderBy(m => m.Person!.Name, StringComparer.Ordinal)
            .Select((m, i) => (Key: $"p{i}", m.Id))
            .Append((Key: "s", team.Single(m => m.UserId == recordedBy).Id))
            .ToDictionary(w => w.Key, w => w.Id);
        return (project, who);
    }
}
