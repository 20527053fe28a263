namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// The columns of an import file, and of an export (which adds a few that an import ignores, so an export can be
/// imported again). Column names are matched ignoring case, spaces and punctuation, with a few friendly aliases.
/// </summary>
public static class ImportColumns
{
    public const string Text = "What was said";
    public const string Kind = "Kind";
    public const string Channel = "Channel";
    public const string SaidOn = "Date said";
    public const string Provenance = "Said first-hand or on their behalf";
    public const string RelayedBy = "Relayed by";
    public const string Name = "Name";
    public const string Consent = "Consent to keep their name";
    public const string Themes = "Themes";
    public const string Outcome = "Outcome";
    public const string NotPossibleReason = "Reason not possible";
    public const string OutcomeExplanation = "Outcome explanation";

    /// <summary>Export-only columns: an import of an export skips them without complaint.</summary>
    public static readonly IReadOnlyList<string> ExportOnly =
        ["Id", "Told on", "Published", "Public summary", "Recorded at", "Source", "Voices", "Adds voice to"];

    /// <summary>The import columns in the order of the template and the export.</summary>
    public static readonly IReadOnlyList<ColumnHelp> All =
    [
        new(Text, true, "Their words, up to 4,000 characters.", "The bus stops before the hall, so I walk the last mile."),
        new(Kind, false, "One of: " + string.Join(", ", Enum.GetValues<ContributionKind>().Select(k => k.DisplayName())) + ". Blank means Idea.", "Need"),
        new(Channel, false, "One of: " + string.Join(", ", Enum.GetValues<Voice.Channel>().Select(c => c.DisplayName())) + ". Blank means Other.", "Drop-in"),
        new(SaidOn, false, "The day it was said, as 31/01/2026 or 2026-01-31. Not in the future. Blank means the day you import.", "14/10/2026"),
        new(Provenance, false, "\"First-hand\" or \"On their behalf\". Blank means first-hand, or on their behalf when 'Relayed by' is filled in.", "First-hand"),
        new(RelayedBy, false, "When someone passed it on for them: who, in a few words (200 characters at most).", ""),
        new(Name, false, "Their name or a name they chose (100 characters at most). Leave blank to keep it anonymous.", "Pat W"),
        new(Consent, false, "\"Yes\" when they agreed that we keep their name. A name without \"Yes\" is an error: we never keep a name without consent.", "Yes"),
        new(Themes, false, "Themes separated by | such as Transport | Food. Themes you do not have yet are created.", "Getting here"),
        new(Outcome, false, "One of: " + string.Join(", ", Enum.GetValues<OutcomeStatus>().Select(o => o.DisplayName())) + ". Blank means New.", ""),
        new(NotPossibleReason, false, "When the outcome is Not possible: " + string.Join(", ", Enum.GetValues<Voice.NotPossibleReason>().Select(r => r.DisplayName())) + ". Blank means Other.", ""),
        new(OutcomeExplanation, false, "What happened, in plain words (2,000 characters at most).", ""),
    ];

    private static readonly Dictionary<string, string> Aliases = BuildAliases();

    /// <summary>The column a header names, or null when it is not one of ours.</summary>
    public static string? Match(string header)
    {
        var key = Key(header);
        return Aliases.TryGetValue(key, out var column) ? column : null;
    }

    public static bool IsExportOnly(string header) => ExportOnly.Any(e => Key(e) == Key(header));

    /// <summary>Lower case letters and digits only: "Date said", "date_said" and "DATE SAID:" are the same.</summary>
    internal static string Key(string header) =>
        new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static Dictionary<string, string> BuildAliases()
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string column, params string[] names)
        {
            aliases[Key(column)] = column;
            foreach (var name in names)
            {
                aliases[Key(name)] = column;
            }
        }

        Add(Text, "Text", "What they said", "Said", "Comment", "Comments", "Feedback text", "Contribution", "Words");
        Add(Kind, "Type", "Kind of contribution");
        Add(Channel, "How", "Where", "How we heard it");
        Add(SaidOn, "Date", "Said on", "When", "Date said on");
        Add(Provenance, "First-hand or on their behalf", "Provenance", "Who said it");
        Add(RelayedBy, "Passed on by", "On their behalf by", "Told us on their behalf");
        Add(Name, "Person", "Their name", "Who");
        Add(Consent, "Consent", "Consent to keep name", "Consent to record", "Consent given");
        Add(Themes, "Theme", "Topics", "Topic", "Tags");
        Add(Outcome, "Status", "What happened next");
        Add(NotPossibleReason, "Why not possible", "Not possible reason", "Reason");
        Add(OutcomeExplanation, "Explanation", "Outcome details", "What we did");
        return aliases;
    }
}

public sealed record ColumnHelp(string Name, bool Required, string Help, string Example);
