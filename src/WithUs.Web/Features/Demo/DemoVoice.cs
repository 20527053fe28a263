using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using static WithUs.Web.Features.Voice.Channel;
using static WithUs.Web.Features.Voice.ContributionKind;
using static WithUs.Web.Features.Voice.OutcomeStatus;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// What people said to each demo organisation, modelled on its case study: ideas with their "me too"s (one in each
/// organisation building up in the last 90 days, published so the public can add their voice), outcomes done and not
/// possible with reasons, some told, some published in words written for the public, and interest. All names are
/// invented; everyone agreed to their name being kept.
/// </summary>
public static class DemoVoice
{
    public sealed record Said(string Text, ContributionKind Kind, Channel Channel, int DaysAgo, int? Person, string[] Themes,
        OutcomeStatus Outcome = New, string? Explanation = null, NotPossibleReason? Reason = null, bool Told = false,
        Published? Public = null, MeToo[]? MeToos = null, int[]? Interested = null, string? RelayedBy = null);

    /// <summary>What the public read: what people asked for ("You said") and what happened ("We did"), never the words for the person.</summary>
    public sealed record Published(string YouSaid, string? WeDid = null);

    public sealed record MeToo(int? Person, int DaysAgo, string Text);

    public sealed record Content(string[] Themes, string[] People, Said[] Ideas);

    /// <summary>In the order of <see cref="DemoSeeder.Organisations"/>.</summary>
    public static readonly IReadOnlyList<Content> ForOrganisations =
    [
        // Harbour Lane Day Centre: homelessness; peer mentors run the welcome desk and the Tuesday drop-in.
        new(["Food", "Getting help", "Activities", "The building", "Moving on"],
            ["Dev Sharma", "Jonno Price", "Kasia Nowak", "Sam Taylor", "Mick", "Lorraine B", "Abdi", "Shaz", "Peter K"],
        [
            new("Could the drop-in open on Saturdays too? Weekends are the longest days when everything is shut.", Idea, DropIn, 80, 4, ["Getting help"],
                MeToos: [new(5, 70, "Saturday opening please, even a morning"), new(6, 55, "Weekends are the worst, nowhere to go"), new(7, 40, "Yes to Saturdays"),
                         new(8, 21, "Saturday drop-in would help me a lot"), new(1, 9, "I would volunteer on a Saturday"), new(null, 3, "Someone at the door asked about Saturdays again")],
                Interested: [1, 2], Public: new("Open the drop-in on Saturdays too: weekends are the longest days when everything is shut.")),
            new("Hot breakfast instead of just toast on Tuesdays.", Idea, DropIn, 300, 0, ["Food"], Done,
                "Peer mentors now cook a hot breakfast every Tuesday, with food from the community larder.", Told: true,
                Public: new("A hot breakfast on Tuesdays, instead of just toast.", "Peer mentors cook a hot breakfast every Tuesday, with food from the community larder."),
                MeToos: [new(4, 290, "A proper breakfast would set me up for the day")]),
            new("Somewhere to charge phones that is not behind the desk.", Need, Conversation, 200, 5, ["The building"], Done,
                "A charging shelf with lockers is now by the window.", Told: true,
                Public: new("Somewhere to charge phones that is not behind the desk.", "There is a charging shelf with lockers by the window.")),
            new("Help filling in the housing register form, it keeps timing out.", Need, OneToOne, 150, 6, ["Getting help", "Moving on"], PartOfProject,
                "Part of the new housing help sessions with the council on Thursdays."),
            new("Can dogs come in? I cannot leave mine outside.", Question, DropIn, 120, 7, ["The building"], NotPossible,
                "Our lease does not allow animals inside, but we have put a covered dog post by the door.", NotPossibleReason.NonNegotiableBoundary, Told: true,
                MeToos: [new(8, 100, "Same, I would come more if the dog could come")]),
            new("The showers are cold after 10 o'clock.", Concern, DropIn, 45, 8, ["The building"], BeingConsidered),
            new("Art sessions were brilliant, please bring them back.", Praise, GroupMeeting, 60, 2, ["Activities"], Planned,
                "A local artist will run six sessions from next month.", MeToos: [new(3, 58, "Loved the art group")]),
            new("Peer mentors should get a reference letter when they move on to a job.", Idea, Conversation, 30, 1, ["Moving on"], New),
            new("A quiet room for people who find the main hall too loud.", Need, OneToOne, 25, null, ["The building"], RelayedBy: "Key worker"),
            new("Thank you to whoever fixed the boiler.", Praise, Conversation, 12, 3, ["The building"]),
            new("Could we have a football team again?", Idea, DropIn, 7, 4, ["Activities"], MeToos: [new(6, 5, "I'd play")]),
        ]),

        // Evergreen Social Club: older people plan and host the events themselves.
        new(["Events", "Getting here", "Health", "Food", "Technology"],
            ["Pat Whitworth", "Eileen Doherty", "Bert Hollis", "Margaret Oyelaran", "Stan Kowalski", "Joan Fairweather", "Harold Singh", "Vera Lomas"],
        [
            new("A minibus or lift-share to get to the club. Since the 42 bus stopped I have missed three tea dances.", Need, Conversation, 85, 2, ["Getting here"],
                BeingConsidered, "We are asking the community transport scheme what a weekly pick-up would cost.",
                MeToos: [new(3, 75, "I can't walk to the club any more, a lift would be wonderful"), new(4, 60, "Me too, the bus was my only way"),
                         new(5, 44, "Lift share please"), new(6, 30, "My daughter drives me but not every week"), new(7, 10, "Would pay a little towards a minibus"),
                         new(null, 4, "Told on the phone: needs transport to get here")],
                Interested: [0, 4],
                Public: new("A minibus or lift-share to get to the club, since the 42 bus stopped.", "We are finding out what a weekly pick-up by the community transport scheme would cost.")),
            new("Tea dance on the first Friday of every month.", Idea, GroupMeeting, 320, 0, ["Events"], Done,
                "Members now host a tea dance on the first Friday of each month.", Told: true,
                Public: new("A tea dance on the first Friday of every month.", "Members host a tea dance on the first Friday of every month."),
                MeToos: [new(1, 318, "Yes please, a regular dance"), new(3, 300, "Count me in")]),
            new("Allotment trips in the summer.", Idea, Event, 250, 1, ["Events"], Done, "Four trips ran this summer, planned by members.", Told: true,
                Public: new("Trips to the allotments in the summer.", "Members planned four allotment trips, and all four ran this summer.")),
            new("Help using video calls to see my grandchildren.", Need, OneToOne, 140, 5, ["Technology"], Planned,
                "A volunteer from the college will run tablet sessions on Wednesdays."),
            new("Could the club have a lunch as well as tea and biscuits?", Idea, GroupMeeting, 110, 6, ["Food"], NotPossible,
                "The hall has no kitchen we are allowed to cook in, so we cannot serve lunch there.", NotPossibleReason.OutsideWhatWeCanChange, Told: true),
            new("Chair exercises before the dance.", Idea, Conversation, 70, 7, ["Health"], New, MeToos: [new(2, 66, "Good idea for my knees")]),
            new("The hall is cold in the mornings.", Concern, Conversation, 35, 4, ["Health"], MeToos: [new(5, 33, "Bring a cardigan weather, every week"), new(6, 31, "Could the heating go on earlier?")]),
            new("Lovely to be asked what we want, thank you.", Praise, Survey, 20, 3, ["Events"]),
            new("A trip to the seaside in August.", Idea, Survey, 15, 1, ["Events"], Interested: [2, 3]),
        ]),

        // Brookside Community Network: the women-only sports club, six years after women first asked.
        new(["Sport and exercise", "Women only", "Children", "Language", "Safety"],
            ["Fatima Begum", "Leila Karimi", "Amina Yusuf", "Parveen Akhtar", "Joy Mensah", "Halima Noor", "Sadia Rahman", "Blessing Okoro", "Nadia Iqbal"],
        [
            new("A women-only sports club, with women coaches and the windows covered.", Idea, GroupMeeting, 360, 0, ["Sport and exercise", "Women only"], Done,
                "The women's sports club started this year, designed with the women who first asked. We went back to each of them to say it was happening.",
                Told: true, Public: new("A sports club just for women, with women coaches and the windows covered.", "We designed the club with the women who asked for it, and it now meets every week."),
                MeToos: [new(1, 350, "Yes, somewhere we feel comfortable"), new(2, 340, "I would come with my sister")]),
            new("Women-only badminton evenings, the club is full on Mondays.", Idea, Conversation, 88, 3, ["Sport and exercise", "Women only"], BeingConsidered,
                MeToos: [new(4, 80, "Badminton please"), new(5, 62, "Another evening would be good"), new(6, 47, "I am on the waiting list"),
                         new(7, 30, "My friends want to play too"), new(8, 14, "Badminton evening would be great"), new(null, 6, "Asked at the door about badminton")],
                Interested: [3, 4, 5], Public: new("More women-only badminton evenings: Mondays are full.")),
            new("A crèche during the sessions so mothers can take part.", Need, GroupMeeting, 200, 4, ["Children", "Women only"], Planned,
                "Two volunteers are training in childcare; the crèche starts in the spring."),
            new("Information about the club in Urdu, Bengali and Somali.", Need, OneToOne, 160, 5, ["Language"], Done,
                "Leaflets are now in four languages.", Told: true,
                Public: new("Information about the club in Urdu, Bengali and Somali.", "Leaflets about the club are now in Urdu, Bengali, Somali and English.")),
            new("Can men watch their daughters play?", Question, Conversation, 130, null, ["Women only"], NotPossible,
                "The sessions are women-only so that everyone feels safe; there is a family fun day every term.", NotPossibleReason.NonNegotiableBoundary, Told: true,
                RelayedBy: "A member's sister"),
            new("The path to the hall is dark in winter.", Concern, Conversation, 90, 6, ["Safety"], Planned,
                "We have asked the council for better lighting on the path, and will tell you what they say."),
            new("A walking group for women who are not ready for sport yet.", Idea, Survey, 50, 7, ["Sport and exercise", "Women only"], MeToos: [new(2, 45, "I would start with walking")]),
            new("The coach is so encouraging, thank you.", Praise, Event, 25, 8, ["Sport and exercise"]),
            new("English classes at the same time as the children's club.", Idea, DropIn, 10, 1, ["Language", "Children"], MeToos: [new(0, 8, "I would come to English classes"), new(2, 6, "Yes please")]),
        ]),

        // Open Arms Cancer Support: LGBT people affected by cancer.
        new(["Peer support", "Information", "Trans health", "Carers", "Events"],
            ["Jamie Clarke", "Robin Ellis", "Alexis Grant", "Sol Mendes", "Frankie Dunn", "Morgan Lees", "Chris Abara", "Terry Walsh"],
        [
            new("An evening peer support group for people who work during the day.", Idea, Conversation, 86, 2, ["Peer support"], BeingConsidered,
                MeToos: [new(3, 77, "I can only come after six"), new(4, 59, "Evening group please"), new(5, 41, "Yes, I'm back at work now"),
                         new(6, 28, "Evenings would suit my partner and me"), new(7, 11, "Evening please"), new(null, 2, "Caller asked about evening groups")],
                Interested: [2, 3], Public: new("A peer support group in the evening, for people who work during the day.")),
            new("Information about screening for trans people, in plain words.", Need, OneToOne, 300, 0, ["Trans health", "Information"], Done,
                "We wrote a screening guide with trans members; it is on the website and in print.", Told: true,
                Public: new("Plain information about cancer screening for trans people.", "We wrote a screening guide together with trans members. It is on our website and in print.")),
            new("A group for partners and carers.", Idea, GroupMeeting, 220, 1, ["Carers"], Done, "The carers' group meets on the second Saturday of the month.", Told: true,
                Public: new("A group for partners and carers.", "Partners and carers have their own group, on the second Saturday of every month."),
                MeToos: [new(7, 210, "My partner needs this")]),
            new("Could you pay for taxis to hospital appointments?", Question, Phone, 150, 3, ["Carers"], NotPossible,
                "Our funding cannot pay for transport; we now give everyone the hospital's free transport number.", NotPossibleReason.NotAffordableNow, Told: true),
            new("Staff at the clinic used the wrong name for me.", Concern, OneToOne, 100, 4, ["Trans health"], PartOfProject,
                "Part of the training we are co-delivering with the hospital."),
            new("A Pride stall so more people hear about us.", Idea, Event, 60, 5, ["Events"], Planned, "Members will run the stall this year.", MeToos: [new(0, 57, "Happy to help on the stall")]),
            new("The buddy scheme got me through chemo.", Praise, Conversation, 30, 6, ["Peer support"]),
            new("An online group for people who live far away.", Idea, OnlineForm, 9, null, ["Peer support"], MeToos: [new(1, 8, "I live an hour away, online would help")]),
            new("More information for carers about what to expect after treatment.", Need, Phone, 45, 7, ["Carers", "Information"], MeToos: [new(1, 40, "Nobody told us what came next")]),
            new("A social evening that is not about cancer.", Idea, Event, 22, 0, ["Events"], MeToos: [new(1, 20, "Yes, just a night out together"), new(5, 18, "Quiz night?")]),
        ]),

        // Millbrook Homes: the resident panel sets the criteria for, scores and awards community grants.
        new(["Community grants", "Repairs", "Green spaces", "Young people", "Communication"],
            ["Doreen Walsh", "Kwame Asante", "Lucy Tran", "Ray Hughes", "Sandra Pike", "Imran Shah", "Gwen Roberts", "Tony Marsh", "Beata Zielinska"],
        [
            new("A short form for grants under £500; the long form puts small groups off.", Idea, GroupMeeting, 89, 3, ["Community grants"], BeingConsidered,
                "The resident panel is drafting a one-page form.",
                MeToos: [new(4, 81, "Our gardening group gave up on the form"), new(5, 66, "Short form please"), new(6, 52, "Yes for small grants"),
                         new(7, 33, "Took me three evenings to fill in"), new(8, 18, "Agree, simpler for small amounts"), new(null, 5, "Mentioned at the estate walkabout")],
                Interested: [3, 4],
                Public: new("A short form for community grants under £500: the long form puts small groups off.", "The resident panel is writing a one-page form.")),
            new("Residents should score the grant applications, not staff.", Idea, GroupMeeting, 365, 0, ["Community grants"], Done,
                "The resident panel now sets the criteria, scores and awards the grants.", Told: true,
                Public: new("Residents, not staff, should score the community grant applications.", "The resident panel now sets the criteria, scores the applications and awards the grants.")),
            new("Repairs take too long to be booked in.", Concern, Phone, 210, 1, ["Repairs"], PartOfProject, "Part of the repairs review with residents.",
                MeToos: [new(6, 200, "Waited six weeks for a window")]),
            new("A community garden on the empty land behind Ash Court.", Idea, Event, 160, 2, ["Green spaces"], Done,
                "Residents built raised beds with a grant; it opened in May.", Told: true,
                Public: new("A community garden on the empty land behind Ash Court.", "Residents built raised beds with a community grant, and the garden opened in May.")),
            new("A youth club on the estate.", Idea, Survey, 130, 5, ["Young people"], NotPossible,
                "Youth work is run by the council here; we have passed the idea and the names of interested residents to them.",
                NotPossibleReason.SomeoneElsesResponsibility, Told: true),
            new("Tell us what happened to our ideas, we never hear back.", Feedback, Survey, 75, 6, ["Communication"], Planned,
                "A 'You said, we did' page and a quarterly letter."),
            new("Bins at Birch House overflow every weekend.", Concern, Phone, 40, 7, ["Green spaces"]),
            new("The grants panel training was excellent.", Praise, GroupMeeting, 20, 8, ["Community grants"]),
            new("Could the newsletter come by text message?", Question, Phone, 8, null, ["Communication"], RelayedBy: "Neighbour", MeToos: [new(0, 6, "Text would be easier for me")]),
            new("Play equipment for the small park on Elm Road.", Idea, DropIn, 55, 1, ["Young people", "Green spaces"], MeToos: [new(2, 50, "The swings were taken away years ago"), new(8, 36, "My kids would use it every day")]),
            new("Bins at the back of Oak Court are never emptied on time.", Concern, Phone, 16, 4, ["Green spaces"]),
        ]),
    ];

    /// <summary>
    /// Adds the organisation's content; the scope must act in that organisation. <paramref name="today"/> is its local
    /// day, as days without a time are stored.
    /// </summary>
    /// <summary>Adds the organisation's people and what they said; returns the people, in the content's order.</summary>
    public static async Task<List<Person>> SeedAsync(WithUsDbContext db, Content content, Guid recordedBy,
        IReadOnlyDictionary<string, Guid> accounts, DateTime now, DateTime today, CancellationToken cancellationToken)
    {
        var themes = content.Themes.ToDictionary(t => t, t => new Theme { Id = Ids.New(), Name = t, Description = DemoThemes.Description(t), CreatedAtUtc = now.AddDays(-400) });
        db.Themes.AddRange(themes.Values);
        var people = content.People.Select((name, i) => PeopleRegister.Add(db, name, DemoContact(i),
            new ConsentSource(i % 4 == 3 ? ConsentWay.Phone : ConsentWay.InPerson, recordedBy), now.AddDays(-400),
            accounts.TryGetValue(name, out var userId) ? userId : null)).ToList();
        DemoConsents(db, people, recordedBy, now);
        DemoNeeds(people);
        DemoRoles(db, people, recordedBy, now);

        foreach (var idea in content.Ideas)
        {
            var said = today.AddDays(-idea.DaysAgo);
            var decided = idea.Outcome == New ? (DateTime?)null : said.AddDays(Math.Min(14, idea.DaysAgo / 2.0));
            var root = new Contribution
            {
                Id = Ids.New(),
                Text = idea.Text,
                Kind = idea.Kind,
                Channel = idea.Channel,
                SaidOnUtc = said,
                Provenance = idea.RelayedBy is null ? Provenance.FirstHand : Provenance.OnTheirBehalf,
                RelayedBy = idea.RelayedBy,
                PersonId = idea.Person is { } p ? people[p].Id : null,
                Source = ContributionSource.Staff,
                RecordedByUserId = recordedBy,
                Outcome = idea.Outcome,
                NotPossibleReason = idea.Reason,
                OutcomeExplanation = idea.Explanation,
                OutcomeAtUtc = decided,
                ToldAtUtc = idea.Told ? decided!.Value.AddDays(3) : null,
                ToldHow = idea.Told ? TellingMethod.InPerson : null,
                ToldOutcome = idea.Told ? idea.Outcome : null,
                IsPublished = idea.Public is not null,
                PublicSummary = idea.Public?.YouSaid,
                PublicOutcome = idea.Public?.WeDid,
                PublishedAtUtc = idea.Public is null ? null : (decided ?? said).AddDays(5),
                CreatedAtUtc = said.AddHours(11),
            };
            db.Contributions.Add(root);
            foreach (var theme in idea.Themes)
            {
                db.ContributionThemes.Add(new ContributionTheme { Id = Ids.New(), ContributionId = root.Id, ThemeId = themes[theme].Id });
            }

            foreach (var meToo in idea.MeToos ?? [])
            {
                var on = today.AddDays(-meToo.DaysAgo);
                db.Contributions.Add(new Contribution
                {
                    Id = Ids.New(),
                    Text = meToo.Text,
                    Kind = idea.Kind,
                    Channel = meToo.Person is null ? Phone : idea.Channel,
                    SaidOnUtc = on,
                    Provenance = Provenance.FirstHand,
                    PersonId = meToo.Person is { } m ? people[m].Id : null,
                    Source = ContributionSource.Staff,
                    RecordedByUserId = recordedBy,
                    LinkedToId = root.Id,
                    ToldAtUtc = idea.Told && on < root.ToldAtUtc ? root.ToldAtUtc : null,
                    ToldHow = idea.Told && on < root.ToldAtUtc ? TellingMethod.AtAMeeting : null,
                    ToldOutcome = idea.Told && on < root.ToldAtUtc ? idea.Outcome : null,
                    CreatedAtUtc = on.AddHours(14),
                });
            }

            foreach (var person in idea.Interested ?? [])
            {
                db.Interests.Add(new Interest
                {
                    Id = Ids.New(),
                    PersonId = people[person].Id,
                    ContributionId = root.Id,
                    Kind = person % 2 == 0 ? InterestKind.WouldTakePart : InterestKind.WantsToHear,
                    CreatedAtUtc = now.AddDays(-Math.Min(idea.DaysAgo, 5)),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return people;
    }

    /// <summary>How each invented person chose to be reached: by phone, in person, not at all, and one each by post
    /// and through their support worker.</summary>
    private static ContactChoice DemoContact(int i) => i switch
    {
        4 => new(true, ContactMethod.ThroughWorker, null, null, Worker: "Sam, their support worker at the housing team"),
        7 => new(true, ContactMethod.Post, null, null, Address: "Flat 3, 12 Canal Street\nExample Town\nEX1 2AB"),
        _ when i % 3 == 2 => ContactChoice.None,
        _ => new(true, i % 3 == 0 ? ContactMethod.Phone : ContactMethod.InPerson, null, DemoPhone(i)),
    };

    /// <summary>What some of them need to take part, and how they would like to be addressed: so the reach-back list
    /// shows access needs beside the names, as it would in a real organisation.</summary>
    private static void DemoNeeds(List<Person> people)
    {
        void Set(int i, AccessNeed needs, string? interpreter = null, string? other = null, string? pronouns = null,
            string? languages = null, string? notToContact = null)
        {
            if (i >= people.Count)
            {
                return;
            }

            var person = people[i];
            (person.AccessNeeds, person.InterpreterLanguage, person.OtherAccessNeed) = (needs, interpreter, other);
            (person.Pronouns, person.Languages, person.NotToContact) = (pronouns, languages, notToContact);
        }

        Set(0, AccessNeed.None, pronouns: "he/him", notToContact: "Not before 10am");
        Set(1, AccessNeed.LargePrint | AccessNeed.HearingLoop);
        Set(4, AccessNeed.Interpreter | AccessNeed.StepFreeAccess, interpreter: "Polish", languages: "Polish; some English");
        Set(5, AccessNeed.QuietSpace | AccessNeed.Companion, pronouns: "they/them");
        Set(6, AccessNeed.EasyRead | AccessNeed.TravelSupport | AccessNeed.Other, other: "A seat near the door", notToContact: "Not on Fridays");
        Set(7, AccessNeed.Childcare, languages: "English, Urdu");
    }

    /// <summary>
    /// The journey the seeds describe, from service user to member, committee, volunteer and peer mentor: most people
    /// started as service users, some moved on, one stepped back. Uses the organisation's roles added with it.
    /// </summary>
    private static void DemoRoles(WithUsDbContext db, List<Person> people, Guid recordedBy, DateTime now)
    {
        var roles = db.InvolvementRoles.Local.OrderBy(r => r.Position).ToDictionary(r => r.Name);
        if (roles.Count == 0)
        {
            return;
        }

        void Held(int i, string role, int startedDaysAgo, int? endedDaysAgo = null)
        {
            if (i < people.Count && roles.TryGetValue(role, out var held))
            {
                db.PersonRoles.Add(new PersonRole
                {
                    Id = Ids.New(),
                    PersonId = people[i].Id,
                    RoleId = held.Id,
                    StartedOn = now.Date.AddDays(-startedDaysAgo),
                    EndedOn = endedDaysAgo is { } ended ? now.Date.AddDays(-ended) : null,
                    RecordedByUserId = recordedBy,
                    CreatedAtUtc = now.AddDays(-startedDaysAgo),
                });
            }
        }

        for (var i = 0; i < people.Count; i++)
        {
            Held(i, "Service user", 900 - (i * 60), i is 0 or 1 ? 500 - (i * 30) : null);
        }

        Held(0, "Volunteer", 500, 200);
        Held(0, "Peer mentor", 200);
        Held(1, "Member", 470);
        Held(1, "Committee member", 120);
        Held(3, "Event host", 90);
        Held(5, "Volunteer", 300, 40);
        Held(7, "Panel member", 60);

        // Training only where partners deliver the service: peer mentors and event hosts; co-design roles need none.
        RoleRequirement Needs(string role, string name, int? months)
        {
            var requirement = new RoleRequirement { Id = Ids.New(), RoleId = roles[role].Id, Name = name, LastsMonths = months, CreatedAtUtc = now.AddDays(-600) };
            db.RoleRequirements.Add(requirement);
            return requirement;
        }

        void Did(int i, RoleRequirement requirement, DateTime on)
        {
            if (i < people.Count)
            {
                db.TrainingRecords.Add(new TrainingRecord
                {
                    Id = Ids.New(),
                    PersonId = people[i].Id,
                    RequirementId = requirement.Id,
                    DoneOn = on,
                    ExpiresOn = requirement.LastsMonths is { } months ? on.AddMonths(months) : null,
                    RecordedByUserId = recordedBy,
                    CreatedAtUtc = on,
                });
            }
        }

        var safeguarding = Needs("Peer mentor", "Safeguarding", 36);
        Needs("Peer mentor", "DBS check", 36);
        var hygiene = Needs("Event host", "Food hygiene", 36);
        Did(0, safeguarding, now.Date.AddMonths(-36).AddDays(12));
        Did(3, hygiene, now.Date.AddDays(-380));

        // Recognition without money; the member of over a year is left for the record page to suggest.
        void Recognised(int i, RecognitionKind kind, string title, int daysAgo)
        {
            if (i < people.Count)
            {
                db.Recognitions.Add(new Recognition
                {
                    Id = Ids.New(),
                    PersonId = people[i].Id,
                    Kind = kind,
                    Title = title,
                    GivenOn = now.Date.AddDays(-daysAgo),
                    RecordedByUserId = recordedBy,
                    CreatedAtUtc = now.AddDays(-daysAgo),
                });
            }
        }

        Recognised(0, RecognitionKind.Certificate, "Peer mentor training", 210);
        Recognised(3, RecognitionKind.Thanks, "Thank you for running the summer barbecue", 30);
    }

    /// <summary>A made-up mobile from Ofcom's drama range for those who chose a phone.</summary>
    private static string? DemoPhone(int i) => i % 3 == 0 ? $"07700 900{100 + (i * 37 % 900):D3}" : null;

    /// <summary>
    /// The other answers people gave, so each record shows consent as it really looks: photos and quotes agreed or
    /// not, one agreed through a support worker, one who has not been asked, and one who later asked not to be
    /// contacted any more (so is on no list of people to contact).
    /// </summary>
    private static void DemoConsents(WithUsDbContext db, List<Person> people, Guid recordedBy, DateTime now)
    {
        for (var i = 0; i < people.Count; i++)
        {
            if (i == 3)
            {
                continue;
            }

            var person = people[i];
            var source = i == 5
                ? new ConsentSource(ConsentWay.ThroughSomeone, recordedBy, "Their support worker from the housing team")
                : new ConsentSource(ConsentWay.InPerson, recordedBy);
            PeopleRegister.Record(db, person, ConsentKind.Photos, i % 2 == 0 || i == 5, source, now.AddDays(-300 + i));
            PeopleRegister.Record(db, person, ConsentKind.Quoted, i % 3 == 0, source, now.AddDays(-200 + i));
        }

        if (people.Count > 6 && people[6].MayContact)
        {
            PeopleRegister.Record(db, people[6], ConsentKind.Contact, false, new ConsentSource(ConsentWay.Phone, recordedBy), now.AddDays(-20));
        }
    }
}
