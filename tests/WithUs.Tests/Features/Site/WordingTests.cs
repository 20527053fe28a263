using System.Text.RegularExpressions;

namespace WithUs.Tests.Features.Site;

/// <summary>
/// Staff pages as a coordinator reads them: what people said is "what was said" or "things said", not a
/// "contribution", and a concern or a question is never called an "idea".
/// </summary>
public sealed partial class WordingTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task StaffPages_AboutAConcern_NeverCallItAnIdea_NorWhatWasSaidAContribution()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var person = await app.CreatePersonAsync(admin.Organisation, "Noor");
        var theme = await app.CreateThemeAsync(admin.Organisation, "Warmth");
        var concern = await app.CreateContributionAsync(admin.Organisation, "The hall is too cold in the mornings", c =>
        {
            c.Kind = ContributionKind.Concern;
            c.CreatedAtUtc = DateTime.UtcNow.AddDays(-200);
        });
        await app.AddThemeAsync(admin.Organisation, concern.Id, theme.Id);
        var meToo = await app.CreateContributionAsync(admin.Organisation, "My hands go numb", c =>
        {
            c.Kind = ContributionKind.Concern;
            c.LinkedToId = concern.Id;
            c.PersonId = person.Id;
        });
        var org = admin.Org;

        string[] pages =
        [
            org, $"{org}/voice", $"{org}/voice/{meToo.Id}", $"{org}/voice/{concern.Id}", $"{org}/voice/owed", $"{org}/settings",
            $"{org}/themes", $"{org}/themes/{theme.Id}", $"{org}/people", $"{org}/people/{person.Id}/delete",
        ];
        var found = new List<string>();
        foreach (var path in pages)
        {
            var main = (await admin.Client.GetPageAsync(path)).QuerySelector("main")!;
            foreach (var control in main.QuerySelectorAll("select, .govuk-radios, .govuk-checkboxes").ToList())
            {
                control.Remove();
            }

            var text = Regex.Replace(main.TextContent, @"\s+", " ");
            found.AddRange(Jargon().Matches(text).Select(m => $"{path}: \"{Around(text, m.Index)}\""));
        }

        found.ShouldBeEmpty();
    }

    private static string Around(string text, int index) => text[Math.Max(0, index - 40)..Math.Min(text.Length, index + 40)];

    [GeneratedRegex(@"\b(ideas?|contributions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Jargon();
}
