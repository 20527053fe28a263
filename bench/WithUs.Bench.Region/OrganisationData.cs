using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Bench.Region;

/// <summary>The rows of a batch of organisations, ready to be written table by table.</summary>
public sealed class RegionRows
{
    public List<Organisation> Organisations { get; } = [];
    public List<Person> People { get; } = [];
    public List<Consent> Consents { get; } = [];
    public List<Theme> Themes { get; } = [];
    public List<Contribution> Contributions { get; } = [];
    public List<ContributionTheme> ContributionThemes { get; } = [];
    public List<Interest> Interests { get; } = [];
    public List<ContributionTerm> Terms { get; } = [];
    public List<ContributionVector> Vectors { get; } = [];

    /// <summary>Staff accounts and their memberships (the projects' teams need them).</summary>
    public List<ApplicationUser> Users { get; } = [];
    public List<Membership> Memberships { get; } = [];

    public List<Project> Projects { get; } = [];
    public List<ProjectPhase> ProjectPhases { get; } = [];
    public List<Boundary> Boundaries { get; } = [];
    public List<ProjectMember> ProjectMembers { get; } = [];
    public List<GroundRules> GroundRules { get; } = [];
    public List<GroundRulesAgreed> GroundRulesAgreed { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<MeetingInvitee> MeetingInvitees { get; } = [];
    public List<MeetingExpense> MeetingExpenses { get; } = [];
    public List<Decision> Decisions { get; } = [];
    public List<DecisionPresent> DecisionPresent { get; } = [];

    public long Count => Organisations.Count + People.Count + Consents.Count + Themes.Count + Contributions.Count + ContributionThemes.Count
        + Interests.Count + Terms.Count + Vectors.Count + Users.Count + Memberships.Count + Projects.Count + ProjectPhases.Count
        + Boundaries.Count + ProjectMembers.Count + GroundRules.Count + GroundRulesAgreed.Count + Meetings.Count + MeetingInvitees.Count
        + MeetingExpenses.Count + Decisions.Count + DecisionPresent.Count;
}

/// <summary>
/// Makes one organisation's data the way the app would have recorded it over five years: what people said (in
/// <see cref="ContributionGenerator"/>'s words, some long), kinds and channels, some named with consent, "me too"s
/// gathering on popular ideas, themes, outcomes decided more often for older ideas, people told or still owed a reply,
/// a few ideas published with words for the public, interests, and projects (<see cref="OrganisationProjects"/>). The
/// similarity index comes from the app's own <see cref="ContributionIndexer"/>, as a save would make it.
/// </summary>
public sealed class OrganisationData(int seed, DateTime nowUtc)
{
    private readonly Random random = new(seed);
    private readonly ContributionGenerator words = new(seed);

    /// <summary>
    /// The projects draw their own numbers, so everything else is drawn as it was before there were projects (only
    /// the ideas a project takes, and a few of its partners' needs, differ).
    /// </summary>
    private readonly int projectSeed = seed + 7_000_000;

    private static readonly string[] ThemeNames =
    [
        "Food", "Getting here", "Activities", "The building", "Money and benefits", "Health", "Housing", "Events",
        "Staying in touch", "Learning", "Families and children", "Young people", "Older people", "Volunteering",
        "Feeling safe", "Green spaces", "Digital help", "Mental health", "Carers", "Transport", "Opening times",
        "Information", "Welcome", "Sport and exercise",
    ];

    private static readonly string[] FirstNames =
    [
        "Pat", "Sam", "Amina", "Dev", "Joan", "Kwame", "Lucy", "Mick", "Zoë", "Róisín", "Imran", "Beata", "Gareth", "Priya",
        "Tomasz", "Ifeoma", "Maureen", "Callum", "Yusuf", "Siobhan", "Dennis", "Hannah", "Ahmed", "Elsie",
    ];

    private static readonly string[] Relayers = ["Support worker", "Her daughter", "Key worker", "His neighbour", "Nurse at the clinic", "A volunteer"];

    private static readonly string[] Explanations =
    [
        "We talked about this at the team meeting and agreed to try it from next month.",
        "We asked the landlord and they said no, but we will keep asking.",
        "Thank you for raising this. We have put it into our plan for the spring.",
        "We cannot pay for this at the moment. We will look again when the new funding starts.",
        "This is something the council runs, so we passed it on to them.",
        "It is done: come and see on Tuesday.",
    ];

    private static readonly string[] PublicOutcomes =
    [
        "We now open until 8pm on Thursdays.", "A volunteer runs this every other week.", "We bought two more of them.",
        "The council has agreed to look at it in the new year.", "We have started a group on Monday mornings.",
        "We tried it for three months; too few came, so it stopped.", "The landlord fixed it in March.",
    ];

    public void Add(RegionRows rows, Organisation organisation, int contributions, bool largest)
    {
        rows.Organisations.Add(organisation);
        var themes = ThemesOf(organisation, largest ? ThemeNames.Length : 6 + random.Next(ThemeNames.Length - 6));
        rows.Themes.AddRange(themes);
        var people = PeopleOf(organisation, Math.Max(3, contributions / 5));
        rows.People.AddRange(people);
        rows.Consents.AddRange(ConsentsOf(people));

        var said = DaysSaid(contributions);
        var ideas = new List<Contribution>(contributions);
        var popular = new List<Contribution>();
        var added = new List<Contribution>(contributions);
        foreach (var day in said)
        {
            var contribution = NewContribution(organisation, people, day);
            var linkTo = ideas.Count > 20 && random.Next(100) < 20 ? PickIdea(ideas, popular) : null;
            if (linkTo is not null)
            {
                // A "me too": half say nothing more, the rest a few words of their own.
                contribution.LinkedToId = linkTo.Id;
                contribution.Kind = linkTo.Kind;
                contribution.Text = random.Next(2) == 0 ? "" : words.Next();
            }
            else
            {
                ideas.Add(contribution);
                if (random.Next(40) == 0)
                {
                    popular.Add(contribution);
                }

                AddThemes(rows, contribution, themes);
            }

            rows.Terms.AddRange(ContributionIndexer.TermsOf(contribution));
            added.Add(contribution);
        }

        var byId = ideas.ToDictionary(i => i.Id);
        foreach (var idea in ideas)
        {
            DecideOutcome(idea);
        }

        // Before anyone is told: an idea that became part of a project (or done by it) is what its people are told.
        new OrganisationProjects(projectSeed, nowUtc).Add(rows, organisation, people, ideas, themes, contributions, largest);

        foreach (var contribution in added.Where(c => c.PersonId is not null))
        {
            Tell(contribution, contribution.LinkedToId is { } id ? byId[id] : contribution);
        }

        rows.Contributions.AddRange(added);
        AddInterests(rows, organisation, people, ideas, themes);
    }

    private List<Theme> ThemesOf(Organisation organisation, int count) =>
        ThemeNames.OrderBy(_ => random.Next()).Take(count).Select(name => new Theme
        {
            Id = Ids.New(),
            OrganisationId = organisation.Id,
            Name = name,
            Description = random.Next(3) == 0 ? null : $"What people tell us about {name.ToLowerInvariant()}.",
            IsArchived = random.Next(15) == 0,
            CreatedAtUtc = organisation.CreatedAtUtc,
        }).ToList();

    private List<Person> PeopleOf(Organisation organisation, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var mayContact = random.Next(100) < 60;
            var by = mayContact && random.Next(4) > 0 ? (ContactMethod?)random.Next(4) : null;
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {(char)('A' + random.Next(26))}";
            var when = organisation.CreatedAtUtc.AddDays(random.Next(Math.Max(1, (int)(nowUtc - organisation.CreatedAtUtc).TotalDays)));
            return new Person
            {
                Id = Ids.New(),
                OrganisationId = organisation.Id,
                Name = name,
                ConsentToRecord = true,
                MayContact = mayContact,
                ContactBy = by,
                Email = by is ContactMethod.Email ? $"{name.Replace(' ', '.').ToLowerInvariant()}{random.Next(1000)}@example.org" : null,
                Phone = by is ContactMethod.Phone or ContactMethod.TextMessage ? $"07700 9{random.Next(10000, 99999)}" : null,
                CreatedAtUtc = when,
            };
        }).ToList();

    /// <summary>
    /// Each person's answers as the app's <see cref="PeopleRegister"/> records them: consent to be recorded, to be
    /// contacted when they gave it (a few later withdrew it), and photos for some. Written by staff, in person.
    /// </summary>
    private List<Consent> ConsentsOf(List<Person> people)
    {
        var consents = new List<Consent>(people.Count * 2);
        Consent Answer(Person person, ConsentKind kind, bool given, DateTime at) => new()
        {
            Id = Ids.New(),
            OrganisationId = person.OrganisationId,
            PersonId = person.Id,
            Kind = kind,
            Given = given,
            AtUtc = at,
            Way = ConsentWay.InPerson,
        };

        foreach (var person in people)
        {
            consents.Add(Answer(person, ConsentKind.Record, true, person.CreatedAtUtc));
            if (person.MayContact)
            {
                consents.Add(Answer(person, ConsentKind.Contact, true, person.CreatedAtUtc));
            }
            else if (random.Next(10) == 0)
            {
                consents.Add(Answer(person, ConsentKind.Contact, true, person.CreatedAtUtc));
                consents.Add(Answer(person, ConsentKind.Contact, false, person.CreatedAtUtc.AddDays(30)));
            }

            if (random.Next(3) == 0)
            {
                consents.Add(Answer(person, ConsentKind.Photos, random.Next(4) > 0, person.CreatedAtUtc));
            }
        }

        return consents;
    }

    /// <summary>The days things were said, oldest first, over five years, more of them lately (the organisation grew).</summary>
    private List<DateTime> DaysSaid(int count)
    {
        var today = nowUtc.Date;
        var days = new List<DateTime>(count);
        for (var i = 0; i < count; i++)
        {
            days.Add(today.AddDays(-(int)(1826 * Math.Pow(random.NextDouble(), 1.5))));
        }

        days.Sort();
        return days;
    }

    private Contribution NewContribution(Organisation organisation, List<Person> people, DateTime day)
    {
        var channel = (Channel)random.Weighted([20, 25, 12, 15, 8, 8, 6, 1, 4, 1]);
        var named = random.Next(100) < 35;
        var relayed = random.Next(10) == 0;
        // Said on a day, recorded the same day or within a few days, never after now.
        var created = day.AddHours(8 + random.NextDouble() * (24 * 3));
        if (created > nowUtc)
        {
            created = nowUtc.AddMinutes(-random.Next(1, 600));
        }

        return new Contribution
        {
            Id = Ids.New(),
            OrganisationId = organisation.Id,
            Text = Said(),
            Kind = (ContributionKind)random.Weighted([45, 15, 12, 12, 8, 8]),
            Channel = channel,
            SaidOnUtc = DateTime.SpecifyKind(day, DateTimeKind.Utc),
            Provenance = relayed ? Provenance.OnTheirBehalf : Provenance.FirstHand,
            RelayedBy = relayed ? Relayers[random.Next(Relayers.Length)] : null,
            PersonId = named ? people[Skewed(people.Count)].Id : null,
            Source = channel == Channel.OnlineForm ? ContributionSource.PublicForm : random.Next(50) == 0 ? ContributionSource.Import : ContributionSource.Staff,
            Outcome = OutcomeStatus.New,
            CreatedAtUtc = DateTime.SpecifyKind(created, DateTimeKind.Utc),
        };
    }

    /// <summary>Mostly a sentence or two; now and then a long story, told all at once.</summary>
    private string Said()
    {
        var text = words.Next();
        var more = random.Next(100) switch
        {
            < 70 => 0,
            < 92 => 1,
            < 98 => 3,
            _ => 12,
        };
        for (var i = 0; i < more; i++)
        {
            text += ". " + words.Next();
        }

        return text.Length > Contribution.TextMaxLength ? text[..Contribution.TextMaxLength] : text;
    }

    /// <summary>A recent idea, or one of the organisation's popular ones, which gather voices for years.</summary>
    private Contribution PickIdea(List<Contribution> ideas, List<Contribution> popular) =>
        popular.Count > 0 && random.Next(100) < 40
            ? popular[Skewed(popular.Count)]
            : ideas[ideas.Count - 1 - random.Next(Math.Min(ideas.Count, 300))];

    private void AddThemes(RegionRows rows, Contribution contribution, List<Theme> themes)
    {
        var count = random.Next(100) switch
        {
            < 25 => 0,
            < 75 => 1,
            < 95 => 2,
            _ => 3,
        };
        foreach (var theme in Enumerable.Range(0, count).Select(_ => themes[Skewed(themes.Count)]).DistinctBy(t => t.Id))
        {
            rows.ContributionThemes.Add(new ContributionTheme
            {
                Id = Ids.New(),
                OrganisationId = contribution.OrganisationId,
                ContributionId = contribution.Id,
                ThemeId = theme.Id,
            });
        }
    }

    /// <summary>Older ideas are more often decided; about one in twelve decided is published, and a few open ones.</summary>
    private void DecideOutcome(Contribution idea)
    {
        var ageDays = (nowUtc - idea.CreatedAtUtc).TotalDays;
        var decided = random.NextDouble() < Math.Min(0.85, 0.05 + (ageDays / 365 * 0.8));
        if (decided)
        {
            idea.Outcome = (OutcomeStatus)(1 + random.Weighted([25, 15, 10, 35, 15]));
            idea.NotPossibleReason = idea.Outcome == OutcomeStatus.NotPossible ? (NotPossibleReason)random.Next(5) : null;
            idea.OutcomeExplanation = random.Next(3) == 0 ? null : Explanations[random.Next(Explanations.Length)];
            idea.OutcomeAtUtc = Before(idea.CreatedAtUtc.AddDays(random.Next(3, 120)));
        }

        if ((decided && random.Next(12) == 0) || (!decided && random.Next(80) == 0))
        {
            idea.IsPublished = true;
            idea.PublicSummary = "People asked for " + Excerpt(idea.Text).TrimEnd('.') + ".";
            idea.PublicOutcome = decided && random.Next(10) < 7 ? PublicOutcomes[random.Next(PublicOutcomes.Length)] : null;
            idea.PublishedAtUtc = Before((idea.OutcomeAtUtc ?? idea.CreatedAtUtc).AddDays(random.Next(0, 30)));
        }
    }

    /// <summary>Most people with a decided idea have been told; some were told an earlier outcome, some not yet.</summary>
    private void Tell(Contribution contribution, Contribution idea)
    {
        if (idea.Outcome == OutcomeStatus.New || idea.OutcomeAtUtc is not { } decidedAt)
        {
            return;
        }

        var roll = random.Next(100);
        if (roll < 25)
        {
            return;
        }

        contribution.ToldAtUtc = Before(Pick.Later(contribution.CreatedAtUtc, decidedAt).AddDays(random.Next(1, 20)));
        contribution.ToldHow = (TellingMethod)random.Next(7);
        contribution.ToldOutcome = roll < 35 ? OutcomeStatus.BeingConsidered : idea.Outcome;
        contribution.ToldNote = random.Next(4) == 0 ? "Pleased to hear it." : null;
    }

    private void AddInterests(RegionRows rows, Organisation organisation, List<Person> people, List<Contribution> ideas, List<Theme> themes)
    {
        var seen = new HashSet<(Guid, Guid)>();
        foreach (var person in people.Where(_ => random.Next(100) < 8))
        {
            var idea = random.Next(3) > 0;
            var target = idea ? ideas[random.Next(ideas.Count)].Id : themes[random.Next(themes.Count)].Id;
            if (!seen.Add((person.Id, target)))
            {
                continue;
            }

            rows.Interests.Add(new Interest
            {
                Id = Ids.New(),
                OrganisationId = organisation.Id,
                PersonId = person.Id,
                ContributionId = idea ? target : null,
                ThemeId = idea ? null : target,
                Kind = (InterestKind)random.Next(2),
                CreatedAtUtc = person.CreatedAtUtc,
            });
        }
    }

    private DateTime Before(DateTime when) => when < nowUtc ? when : nowUtc.AddMinutes(-random.Next(1, 600));

    private static string Excerpt(string text) => text.Length <= 200 ? text : text[..text.LastIndexOf(' ', 200)];

    /// <summary>An index from 0 to count-1, low ones far more often (a few people and themes come up again and again).</summary>
    private int Skewed(int count) => (int)(count * Math.Pow(random.NextDouble(), 2.5));
}
