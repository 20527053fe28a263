using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// The columns of an import file, and of an export, which has every one of them (so an export can be imported again,
/// updating what it matches by Id) and three that an import skips. Column names are matched ignoring case, spaces and
/// punctuation, with a few friendly aliases.
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
    public const string Id = "Id";
    public const string MayContact = "May we contact them";
    public const string ContactBy = "Contact by";
    public const string Email = "Email";
    public const string Phone = "Phone";
    public const string LinkedTo = "Adds voice to";
    public const string ToldOn = "Told on";
    public const string ToldHow = "Told how";
    public const string ToldOutcome = "Outcome they were told";
    public const string ToldNote = "Told note";
    public const string Published = "Published";
    public const string PublicSummary = "Public summary";
    public const string PublicOutcome = "Public outcome";

    /// <summary>Export-only columns, worked out by us: an import of an export skips them without complaint.</summary>
    public static readonly IReadOnlyList<string> ExportOnly = ["Recorded at", "Source", "Voices"];

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

    /// <summary>
    /// The further columns an export has, so that importing it again brings back everything: not in the template,
    /// since a new spreadsheet rarely has them.
    /// </summary>
    public static readonly IReadOnlyList<ColumnHelp> FromAnExport =
    [
        new(Id, false, "Our reference for the contribution, from an export. A row with an Id we have here updates that contribution instead of adding a new one. An Id we do not have here (from another organisation, or deleted since) adds the row as a new contribution with a new Id. Blank means new.", ""),
        new(MayContact, false, "\"Yes\" when the person agreed to be contacted. Blank means no.", ""),
        new(ContactBy, false, "When they may be contacted, how: " + string.Join(", ", Enum.GetValues<ContactMethod>().Select(m => m.DisplayName())) + ".", ""),
        new(Email, false, "Their email address, kept only when they chose to be contacted by email.", ""),
        new(Phone, false, "Their phone number, kept only when they chose a phone call or a text message.", ""),
        new(LinkedTo, false, "The Id of what this adds a voice to (\"me too\"): one here already, or another row of the file.", ""),
        new(ToldOn, false, "The day they were told the outcome, as 31/01/2026 or 2026-01-31.", ""),
        new(ToldHow, false, "How they were told: " + string.Join(", ", Enum.GetValues<TellingMethod>().Select(m => m.DisplayName())) + ".", ""),
        new(ToldOutcome, false, "The outcome they were told. When it is not the outcome now, they are owed a reply. Leave the column out of the file to mean the outcome now.", ""),
        new(ToldNote, false, "A note about telling them (500 characters at most).", ""),
        new(Published, false, "\"Yes\" to show it on your public \"You said, we did\" page, with its public summary. Blank means no.", ""),
        new(PublicSummary, false, "What was asked for, in a few words for the public page (500 characters at most). Needed when Published is Yes.", ""),
        new(PublicOutcome, false, "What was done, in words for the public page, shown as \"We did\" (1,000 characters at most). Blank means the public see only the outcome in a few words.", ""),
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
        Add(Id);
        Add(MayContact, "May contact", "Agreed to be contacted");
        Add(ContactBy, "Contact method", "How to contact them");
        Add(Email, "Email address");
        Add(Phone, "Phone number");
        Add(LinkedTo, "Me too", "Linked to");
        Add(ToldOn, "Told", "Date told");
        Add(ToldHow, "How told");
        Add(ToldOutcome, "Told outcome");
        Add(ToldNote, "Note when told");
        Add(Published);
        Add(PublicSummary);
        Add(PublicOutcome, "We did", "Public we did");
        return aliases;
    }
}

public sealed record ColumnHelp(string Name, bool Required, string Help, string Example);
