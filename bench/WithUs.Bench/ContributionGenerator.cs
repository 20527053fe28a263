using System.Text;

namespace WithUs.Bench;

/// <summary>
/// Makes up contributions the way people speak at drop-ins, support groups, day centres and lunch clubs: a topic
/// (chosen with a Zipf-like skew, so a few ideas come up again and again and many are rare), said in one of several
/// ways, sometimes second-hand, with ordinary filler words, plurals, tenses and the odd misspelling. Term frequencies
/// are then like real ones: a long tail of rare words and a few very common ones.
/// </summary>
public sealed class ContributionGenerator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[][] Topics =
    [
        ["later opening", "open in the evenings", "evening sessions", "late opening"],
        ["help with computers", "help with online forms", "computer classes", "help with my universal credit journal"],
        ["a creche", "childcare during the group", "somewhere for the kids to play", "a creche for toddlers"],
        ["hot meals", "hot food", "soup on cold days", "a hot dinner"],
        ["a ramp at the entrance", "wheelchair access", "a ramp for wheelchairs", "the step at the front door"],
        ["cheaper hospital parking", "free parking for chemo patients", "parking charges at the hospital"],
        ["a buddy scheme", "someone to talk to who has been through it", "peer support", "talking to other patients"],
        ["help with wigs", "advice about hair loss", "headscarves and wigs", "hair loss from chemo"],
        ["support for carers", "a carers group", "something for the family", "help for carers"],
        ["benefits advice", "help with money", "advice about what to claim", "money worries"],
        ["gentle exercise", "chair yoga", "a walking group", "exercise classes for fatigue"],
        ["more showers", "hot water in the showers", "shower times", "earlier showers"],
        ["lockers", "somewhere to store belongings", "storage for bags", "a safe locker"],
        ["letting dogs in", "allowing pets", "dog bowls", "a place for dogs"],
        ["phone charging", "more charging points", "chargers to borrow", "somewhere to charge my phone"],
        ["a washing machine", "laundry", "washing clothes", "a washer and dryer"],
        ["help getting ID", "a birth certificate", "opening a bank account", "replacing a lost passport"],
        ["a hearing loop", "less noise in the hall", "a quieter room", "turning the music down"],
        ["a vegetarian option", "soft food", "more choice on the menu", "veggie dishes"],
        ["day trips", "an outing to the seaside", "coach trips", "trips out in the summer"],
        ["a minibus home", "transport home", "lifts home", "help getting home"],
        ["opening at weekends", "something on Sundays", "weekend sessions", "a Sunday lunch"],
        ["help with smartphones", "video calls with grandchildren", "learning to use a tablet", "facetime lessons"],
        ["a knitting group", "craft sessions", "sewing classes", "knitting and crochet"],
        ["a gardening club", "raised beds", "growing vegetables", "an allotment"],
        ["English classes", "ESOL lessons", "help with reading", "conversation practice"],
        ["a foodbank", "food parcels", "emergency food", "more tins in the food bank"],
        ["mental health support", "counselling", "someone to talk to about anxiety", "a wellbeing group"],
        ["a mens group", "a mens shed", "somewhere for older men", "mens walking group"],
        ["youth club", "something for teenagers", "activities for young people", "football for teenagers"],
        ["womens football", "netball", "a womens swimming session", "badminton"],
        ["a singing group", "a choir", "music sessions", "karaoke"],
        ["bingo", "a quiz night", "board games", "a games afternoon"],
        ["better heating", "the hall is freezing", "heaters in the small room", "fixing the radiators"],
        ["bigger print on leaflets", "leaflets in Polish", "translated letters", "easy read information"],
        ["a newsletter by post", "texts about what is on", "a noticeboard", "a Facebook page"],
        ["volunteering", "training for volunteers", "a volunteer rota", "thanking volunteers"],
        ["housing advice", "help with the council", "help with rent arrears", "advice about eviction"],
        ["dentist appointments", "finding an NHS dentist", "help with teeth", "dental care"],
        ["a podiatrist", "foot care", "toenail cutting", "help with feet"],
        ["sleeping bags", "blankets in winter", "warm coats", "a winter night shelter"],
        ["a haircut service", "barber visits", "free haircuts", "a hairdresser"],
        ["cheaper bus fares", "bus passes", "the bus stopped running", "more buses"],
        ["a bench outside", "seating in the garden", "somewhere to sit", "more chairs"],
        ["toilets that work", "a disabled toilet", "cleaner toilets", "baby changing"],
        ["cooking classes", "cooking on a budget", "learning to cook", "a community kitchen"],
        ["a Christmas party", "a summer fair", "a birthday tea", "celebrating Eid and Diwali"],
        ["art classes", "painting sessions", "pottery", "photography club"],
        ["legal advice", "help with immigration", "a solicitor drop in", "help with court letters"],
        ["drug and alcohol support", "a recovery group", "meetings for drinkers", "help to stop drinking"],
    ];

    private static readonly string[] Openings =
    [
        "Could we have", "It would be good to have", "Please can there be", "We need", "I would like",
        "Is there any chance of", "What about", "Can you sort out", "There should be", "Why is there no",
    ];

    private static readonly string[] Relays =
    [
        "My mum says", "My neighbour said", "My husband thinks", "A lady at the lunch club asked for",
        "One of the lads mentioned", "My daughter says", "Someone at the group wants", "My dad keeps asking about",
    ];

    private static readonly string[] Endings =
    [
        "", "", "", "please", "it would make a big difference", "because a lot of us struggle",
        "like they used to have", "on a Tuesday or Thursday", "for people on their own", "especially in the winter",
        "I know others feel the same", "it has been said before", "my friends agree", "as soon as possible",
        "at the centre", "at the drop in", "at the day centre", "at the lunch club", "for the group",
    ];

    private static readonly (string From, string To)[] Misspellings =
    [
        ("because", "becuase"), ("people", "poeple"), ("would", "wuold"), ("sessions", "sesions"),
        ("receive", "recieve"), ("definitely", "definately"), ("accommodation", "accomodation"),
        ("wheelchair", "wheelchiar"), ("exercise", "excercise"), ("centre", "center"), ("programme", "program"),
    ];

    public string Next()
    {
        var topic = Topics[Zipf(Topics.Length)];
        var phrase = topic[random.Next(topic.Length)];
        var text = new StringBuilder();
        switch (random.Next(5))
        {
            case 0:
                text.Append(Relays[random.Next(Relays.Length)]).Append(' ').Append(phrase);
                break;
            case 1:
                text.Append(Capitalise(phrase)).Append(" please");
                break;
            case 2:
                // Two ideas in one breath, as people do.
                var other = Topics[Zipf(Topics.Length)];
                text.Append(Openings[random.Next(Openings.Length)]).Append(' ').Append(phrase)
                    .Append(" and ").Append(other[random.Next(other.Length)]);
                break;
            default:
                text.Append(Openings[random.Next(Openings.Length)]).Append(' ').Append(phrase);
                break;
        }

        var ending = Endings[random.Next(Endings.Length)];
        if (ending.Length > 0)
        {
            text.Append(random.Next(2) == 0 ? ", " : " ").Append(ending);
        }

        var result = text.ToString();
        if (random.Next(6) == 0)
        {
            var (from, to) = Misspellings[random.Next(Misspellings.Length)];
            result = result.Replace(from, to, StringComparison.Ordinal);
        }

        return random.Next(8) == 0 ? result.ToLowerInvariant() : result;
    }

    /// <summary>What staff type while capturing: sometimes two or three words, sometimes the whole sentence.</summary>
    public string NextQuery()
    {
        if (random.Next(2) == 0)
        {
            return Next();
        }

        var topic = Topics[random.Next(Topics.Length)];
        return topic[random.Next(topic.Length)];
    }

    private int Zipf(int count)
    {
        // P(k) proportional to 1 / (k + 1): topic 0 comes up about 50 times as often as topic 49.
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            total += 1.0 / (k + 1);
        }

        var pick = random.NextDouble() * total;
        for (var k = 0; k < count; k++)
        {
            pick -= 1.0 / (k + 1);
            if (pick <= 0)
            {
                return k;
            }
        }

        return count - 1;
    }

    private static string Capitalise(string phrase) => phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];
}
