using AngleSharp.Html.Dom;

namespace WithUs.Tests.Features.Voice;

/// <summary>The Voice pages' addresses and the capture form filled in as a browser would, for the Voice page tests.</summary>
internal static class CaptureSteps
{
    extension(SignedIn staff)
    {
        internal string Voice => $"{staff.Org}/voice";

        internal string New => staff.Voice + "/new";
    }

    internal static string Today => LocalDay.Today().Iso();

    /// <summary>Posts the capture form as a browser would, with sensible answers unless the test gives its own.</summary>
    internal static async Task<HttpResponseMessage> CaptureAsync(SignedIn staff, IReadOnlyDictionary<string, string> values,
        params KeyValuePair<string, string>[] more)
    {
        var page = await staff.Client.GetPageAsync(staff.New);
        var fields = new Dictionary<string, string>
        {
            ["Input.Text"] = "Something someone said",
            ["Input.Kind"] = "Idea",
            ["Input.Channel"] = "Conversation",
            ["Input.SaidOn"] = Today,
            ["Input.Provenance"] = "FirstHand",
            ["Input.Who"] = "Anonymous",
        };
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var form = new List<KeyValuePair<string, string>> { new(Html.AntiforgeryField, page.AntiforgeryToken()) };
        form.AddRange(fields);
        form.AddRange(more);
        return await staff.Client.PostFormAsync(staff.New, form);
    }

    internal static Task<List<Contribution>> ContributionsAsync(WithUsFactory app, TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.Contributions.AsNoTracking().Include(c => c.Themes).OrderBy(c => c.CreatedAtUtc).ToListAsync());

    internal static Guid IdFrom(HttpResponseMessage response) => Guid.Parse(response.Location().Split('/').Last());

    internal static async Task<IHtmlDocument> SimilarAsync(SignedIn staff, string text)
    {
        var page = await staff.Client.GetPageAsync(staff.New);
        using var response = await staff.Client.PostFormAsync(staff.New + "?handler=Similar",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Input.Text", text)]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadHtmlAsync();
    }
}
