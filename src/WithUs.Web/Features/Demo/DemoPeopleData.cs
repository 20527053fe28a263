using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// Invented equality monitoring answers, drawn from each organisation's case study, so the counts page has something to
/// count the moment the demo starts: more than five people answered in each organisation, some questions were left
/// out or answered "prefer not to say", and small groups show as "fewer than 5". Each person agreed first, in writing.
/// One person in each also keeps an access need private, so staff see "a private need: ask them" on their record;
/// where there are enough people, one has asked for their record to be removed; and each organisation has someone it
/// has not heard from in over three years, whom the retention job lists for an administrator to confirm their erasure.
/// </summary>
public static class DemoPeopleData
{
    /// <summary>Per organisation, in the order of <see cref="DemoSeeder.Organisations"/>: each person's answers, by
    /// their place in that organisation's list of people, as "question=choice" pairs.</summary>
    private static readonly IReadOnlyList<string[]> Answers =
    [
        // Harbour Lane Day Centre: homelessness.
        [
            "age=35-44;sex=male;ethnicity=white-british;housing=supported;health-condition=yes;day-to-day=yes-a-little",
            "age=45-54;sex=male;ethnicity=white-irish;housing=sofa-surfing;religion=christian",
            "age=25-34;sex=female;ethnicity=white-other;housing=temporary;religion=christian;health-condition=no",
            "age=35-44;sex=male;ethnicity=black-caribbean;housing=rough-sleeping;health-condition=prefer-not-to-say",
            "age=55-64;sex=male;ethnicity=white-british;housing=rough-sleeping;health-condition=yes;day-to-day=yes-a-lot",
            "age=45-54;sex=female;ethnicity=white-british;housing=supported;caring=no",
            "age=25-34;sex=male;ethnicity=black-african;housing=temporary;religion=muslim",
        ],

        // Evergreen Social Club: older people.
        [
            "age=75-plus;sex=female;ethnicity=white-british;religion=christian;caring=no;health-condition=yes;day-to-day=yes-a-little",
            "age=75-plus;sex=female;ethnicity=white-irish;religion=christian;housing=owns",
            "age=75-plus;sex=male;ethnicity=white-british;religion=none;housing=owns;health-condition=yes;day-to-day=yes-a-lot",
            "age=65-74;sex=female;ethnicity=black-african;religion=christian;housing=social-rent;caring=up-to-9",
            "age=75-plus;sex=male;ethnicity=white-other;religion=christian;housing=social-rent",
            "age=65-74;sex=female;ethnicity=white-british;caring=20-34;housing=owns",
            "age=75-plus;sex=male;ethnicity=asian-indian;religion=sikh;housing=owns",
        ],

        // Brookside Community Network: women in a diverse neighbourhood.
        [
            "age=35-44;sex=female;ethnicity=asian-bangladeshi;religion=muslim;caring=35-49",
            "age=25-34;sex=female;ethnicity=other-arab;religion=muslim",
            "age=18-24;sex=female;ethnicity=black-african;religion=muslim",
            "age=45-54;sex=female;ethnicity=asian-pakistani;religion=muslim;caring=50-plus",
            "age=35-44;sex=female;ethnicity=black-african;religion=christian",
            "age=25-34;sex=female;ethnicity=black-african;religion=muslim;caring=10-19",
            "age=35-44;sex=female;ethnicity=asian-bangladeshi;religion=prefer-not-to-say",
        ],

        // Open Arms Cancer Support: LGBT people affected by cancer.
        [
            "age=45-54;sexual-orientation=gay-lesbian;health-condition=yes;day-to-day=yes-a-little;gender-identity=yes",
            "age=55-64;sexual-orientation=gay-lesbian;health-condition=yes;day-to-day=yes-a-lot",
            "age=35-44;sexual-orientation=bisexual;health-condition=yes;gender-identity=no",
            "age=55-64;sexual-orientation=gay-lesbian;health-condition=no;caring=20-34",
            "age=65-74;sexual-orientation=gay-lesbian;health-condition=yes;day-to-day=not-at-all",
            "age=25-34;sexual-orientation=other;gender-identity=no;health-condition=yes",
        ],

        // Millbrook Homes: a housing association's residents.
        [
            "age=65-74;sex=female;housing=social-rent;ethnicity=white-british",
            "age=45-54;sex=male;housing=social-rent;ethnicity=black-african;religion=christian",
            "age=25-34;sex=female;housing=shared-ownership;ethnicity=asian-other",
            "age=55-64;sex=male;housing=social-rent;ethnicity=white-british;health-condition=yes;day-to-day=yes-a-little",
            "age=35-44;sex=female;housing=social-rent;caring=10-19",
            "age=35-44;sex=male;housing=social-rent;ethnicity=asian-pakistani;religion=muslim",
            "age=65-74;sex=female;housing=social-rent;ethnicity=white-other;religion=christian",
        ],
    ];

    /// <summary>A need about someone's health or housing, kept private, per organisation.</summary>
    private static readonly string[] PrivateNeeds =
    [
        "Diabetic: needs to eat at regular times",
        "Early-stage dementia: a reminder the day before helps",
        "Pregnant: needs a chair and breaks",
        "Tired after chemotherapy: short sessions, and a seat",
        "Going through an eviction: letters by hand, not by post",
    ];

    /// <summary>Someone last heard from long ago, per organisation.</summary>
    private static readonly string[] LongAgo = ["Gerry M", "Dot Fenwick", "Rukhsana B", "Lee Carver", "Mr R Price"];

    public static async Task SeedAsync(IServiceProvider services, int organisation, IReadOnlyList<Person> people, Guid recordedBy,
        DateTime now, DateTime today, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<WithUsDbContext>();
        var monitoring = services.GetRequiredService<EqualityMonitoring>();
        var answers = Answers[organisation];
        for (var i = 0; i < answers.Length && i < people.Count; i++)
        {
            PeopleRegister.Record(db, people[i], ConsentKind.EqualityMonitoring, true, new ConsentSource(ConsentWay.InWriting, recordedBy),
                now.AddDays(-90 + i));
            var given = answers[i].Split(';').Select(pair => pair.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            await monitoring.KeepAnswersAsync(people[i], given, cancellationToken);
        }

        // Someone who asked, three weeks ago, for their record to be removed: on the staff home until it is done.
        if (people.Count > 8)
        {
            db.DataRequests.Add(new DataRequest
            {
                Id = Ids.New(),
                PersonId = people[8].Id,
                Kind = DataRequestKind.Erasure,
                RequestedAtUtc = now.AddDays(-21),
                DueOn = today.AddDays(-21).AddMonths(1),
            });
        }

        if (people.Count > 2)
        {
            people[2].AccessNeeds |= AccessNeed.Other;
            people[2].OtherAccessNeed = null;
            await monitoring.KeepPrivateNeedAsync(people[2], PrivateNeeds[organisation], cancellationToken);
        }

        var longAgo = now.AddDays(-1300);
        PeopleRegister.Add(db, LongAgo[organisation], null, new ConsentSource(ConsentWay.InPerson, recordedBy), longAgo);
        await db.SaveChangesAsync(cancellationToken);
    }
}
