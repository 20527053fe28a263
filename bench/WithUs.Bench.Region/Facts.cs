using System.Globalization;
using System.Text;
using WithUs.Web.Features.Public;
using WithUs.Web.Features.Voice;

namespace WithUs.Bench.Region;

/// <summary>
/// What bench/run.sh fills the page list's placeholders with, and how it signs in: written by generate as
/// key=value lines (a file a shell reads with one loop).
/// </summary>
public sealed record Facts(string Slug, Guid ContributionId, Guid ThemeId, string Search, string SimilarText)
{
    public int Contributions { get; init; }

    public string AuthenticatorKey { get; set; } = "";

    /// <summary>Halfway through the list, newest first: the "Next" link a patient reader reaches (the sort key of the
    /// row before it).</summary>
    public string DeepPage { get; init; } = "";

    /// <summary>Halfway through "You said, we did" (its published ideas, newest first): the "Older" link there.</summary>
    public string DeepPublicPage { get; init; } = "";

    /// <summary>The person who said the most (their record lists it all).</summary>
    public Guid PersonId { get; init; }

    /// <summary>The project with the most decisions (the busy one, <see cref="OrganisationProjects"/>).</summary>
    public Guid ProjectId { get; init; }

    /// <summary>Its latest meeting with decisions made at it: held, with who came, its expenses and its decisions.</summary>
    public Guid MeetingId { get; init; }

    /// <summary>The idea with the most voices (its page lists them all), and the theme with the most contributions.</summary>
    public static Facts Of(RegionRows rows, WithUs.Web.Infrastructure.Tenancy.Organisation organisation)
    {
        var idea = rows.Contributions.Where(c => c.OrganisationId == organisation.Id && c.LinkedToId is not null)
            .GroupBy(c => c.LinkedToId!.Value).MaxBy(g => g.Count())!.Key;
        var theme = rows.ContributionThemes.Where(ct => ct.OrganisationId == organisation.Id)
            .GroupBy(ct => ct.ThemeId).MaxBy(g => g.Count())!.Key;
        var list = rows.Contributions.Where(c => c.OrganisationId == organisation.Id)
            .OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).ToList();
        var halfway = list[list.Count / 2];
        var published = rows.Contributions.Where(c => c.OrganisationId == organisation.Id && c.LinkedToId is null && c.IsPublished)
            .Select(c => (Date: c.OutcomeAtUtc ?? c.PublishedAtUtc!.Value, c.Id))
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).ToList();
        var publishedHalfway = published.Count == 0 ? default : published[published.Count / 2];
        var project = rows.Decisions.Where(d => d.OrganisationId == organisation.Id).GroupBy(d => d.ProjectId).MaxBy(g => g.Count())!;
        return new Facts(organisation.Slug, idea, theme, "evening", "Could we have the centre open later in the evenings for people who work")
        {
            DeepPage = new VoiceListKey(false, 0, halfway.SaidOnUtc, halfway.CreatedAtUtc, halfway.Id).Encode(),
            DeepPublicPage = new PublicIdeaKey(publishedHalfway.Date, publishedHalfway.Id).Encode(),
            PersonId = rows.Contributions.Where(c => c.OrganisationId == organisation.Id && c.PersonId is not null)
                .GroupBy(c => c.PersonId!.Value).MaxBy(g => g.Count())!.Key,
            ProjectId = project.Key,
            MeetingId = project.Where(d => d.MeetingId is not null).MaxBy(d => d.DecidedOn)!.MeetingId!.Value,
        };
    }

    public string ToText()
    {
        var text = new StringBuilder();
        void Line(string key, object value) => text.Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        Line("org", Slug);
        Line("id", ContributionId);
        Line("theme", ThemeId);
        Line("deep", DeepPage);
        Line("pdeep", DeepPublicPage);
        Line("person", PersonId);
        Line("project", ProjectId);
        Line("meeting", MeetingId);
        Line("q", Search);
        Line("text", SimilarText);
        Line("rows", Contributions);
        Line("email", Generate.StaffEmail);
        Line("password", Generate.StaffPassword);
        Line("authenticator", AuthenticatorKey);
        return text.ToString();
    }

    /// <summary>Reads the file back (the floor server needs the same facts).</summary>
    public static IReadOnlyDictionary<string, string> Read(string file) =>
        File.ReadAllLines(file).Where(l => l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
}
