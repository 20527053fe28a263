using System.Globalization;
using System.Text;

namespace WithUs.Bench.Import;

/// <summary>A realistic import file: varied sentences, a few quoted cells with commas and line breaks, names with consent, themes.</summary>
public static class CsvGenerator
{
    private static readonly string[] Openings =
    [
        "Could we have", "Please can there be", "I would like", "It would help to have", "We need", "Thank you for",
        "I am worried about", "Why is there no", "My neighbour asked for", "It would be lovely to have",
    ];

    private static readonly string[] Things =
    [
        "a Saturday drop-in", "more tea dances", "a minibus to the club", "a women-only swimming session", "hot breakfasts",
        "help with housing forms", "a quiet room", "evening peer support", "a community garden", "a shorter grant form",
        "play equipment in the park", "English classes", "a crèche during sessions", "information in Urdu and Bengali",
        "faster repairs", "better lighting on the path", "chair exercises", "video call lessons", "a football team", "art sessions",
    ];

    private static readonly string[] Endings =
    [
        "", " on weekends", " because the bus stopped running", " for people who work in the day", ", it would make a big difference",
        " like we used to have", " near the estate", ", my friends would come too", " before winter", " at least once a month",
    ];

    private static readonly string[] Kinds = ["Idea", "Need", "Feedback", "Concern", "Praise", "Question", ""];
    private static readonly string[] Channels = ["Conversation", "Drop-in", "One-to-one", "Group meeting", "Survey", "Phone", "Event", ""];
    private static readonly string[] Themes = ["Food", "Getting here", "Activities", "The building", "Moving on", "Health", "Events", "Repairs", "Green spaces", "Young people"];
    private static readonly string[] FirstNames = ["Pat", "Sam", "Amina", "Dev", "Joan", "Kwame", "Lucy", "Mick", "Zoë", "Róisín", "Imran", "Beata"];

    public static byte[] Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(rows * 120);
        csv.Append("What was said,Kind,Channel,Date said,Said first-hand or on their behalf,Relayed by,Name,Consent to keep their name,Themes,Outcome\r\n");
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(-3 * 365);
        for (var i = 0; i < rows; i++)
        {
            var text = $"{Pick(random, Openings)} {Pick(random, Things)}{Pick(random, Endings)}";
            if (i % 50 == 0)
            {
                text += ", and also\nsomething on a second line";
            }

            if (text.Contains(',', StringComparison.Ordinal))
            {
                text = $"\"{text}\"";
            }

            var behalf = random.Next(10) == 0;
            var named = random.Next(3) == 0;
            var themes = random.Next(4) == 0 ? "" : Pick(random, Themes) + (random.Next(3) == 0 ? " | " + Pick(random, Themes) : "");
            csv.Append(text).Append(',')
                .Append(Pick(random, Kinds)).Append(',')
                .Append(Pick(random, Channels)).Append(',')
                .Append(start.AddDays(random.Next(3 * 365)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',')
                .Append(behalf ? "On their behalf" : "First-hand").Append(',')
                .Append(behalf ? "Support worker" : "").Append(',')
                .Append(named ? $"{Pick(random, FirstNames)} {(char)('A' + random.Next(26))}" : "").Append(',')
                .Append(named ? "Yes" : "").Append(',')
                .Append(themes).Append(',')
                .Append(random.Next(10) == 0 ? "Done" : "")
                .Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
