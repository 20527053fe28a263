using System.Globalization;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>A line of the theme set: what was said and the themes a coordinator gave it (none for an unrelated one).</summary>
public sealed record ThemeLine(int Number, string Text, IReadOnlyList<string> Themes)
{
    /// <summary>Fixed, so runs can be compared; apart from the similarity sets' ids (their third group starts 8).</summary>
    public Guid Id { get; } = Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"0195a000-0000-7000-9000-{Number:D12}"));
}

public sealed record ThemeDefinition(string Name, string Description);

public sealed record ThemeOrganisation(string Name, IReadOnlyList<ThemeDefinition> Themes, IReadOnlyList<ThemeLine> Lines);

/// <summary>The labelled set for theme suggestions (labelled-themes.txt; its format is described at its top).</summary>
public sealed class ThemeSet
{
    public const string File = "labelled-themes.txt";

    private ThemeSet(IReadOnlyList<ThemeOrganisation> organisations) => Organisations = organisations;

    public IReadOnlyList<ThemeOrganisation> Organisations { get; }

    public IReadOnlyList<ThemeLine> Lines => Organisations.SelectMany(o => o.Lines).ToList();

    public static ThemeSet Load()
    {
        var text = RepositoryFiles.Read("tests", "WithUs.Tests", "Features", "Voice", "SimilarityQuality", File);
        var organisations = new List<ThemeOrganisation>();
        List<ThemeDefinition>? themes = null;
        List<ThemeLine>? lines = null;
        string? name = null;
        var number = 0;

        void Close()
        {
            if (name is not null)
            {
                organisations.Add(new ThemeOrganisation(name, themes!, lines!));
            }
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("@ ", StringComparison.Ordinal))
            {
                Close();
                name = line[2..].Trim();
                themes = [];
                lines = [];
                continue;
            }

            if (name is null)
            {
                throw new InvalidOperationException("A line comes before any \"@ organisation\": " + line);
            }

            if (line.StartsWith("theme ", StringComparison.Ordinal))
            {
                var (theme, description) = Split(line[6..], ':');
                themes!.Add(new ThemeDefinition(theme, description));
                continue;
            }

            var (labels, said) = Split(line, '|');
            var given = labels == "-" ? [] : labels.Split(',', StringSplitOptions.TrimEntries);
            var unknown = given.Where(g => themes!.All(t => t.Name != g)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Not a theme of {name}: {string.Join(", ", unknown)}");
            }

            lines!.Add(new ThemeLine(++number, said, given));
        }

        Close();
        return new ThemeSet(organisations);
    }

    private static (string Before, string After) Split(string line, char separator)
    {
        var at = line.IndexOf(separator, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"Expected \"{separator}\" in: {line}")
            : (line[..at].Trim(), line[(at + 1)..].Trim());
    }
}
