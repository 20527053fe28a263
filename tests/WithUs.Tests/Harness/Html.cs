using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WithUs.Tests.Harness;

/// <summary>Reading pages and submitting their forms the way a browser without JavaScript would.</summary>
public static class Html
{
    public const string AntiforgeryField = "__af";

    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await response.ReadHtmlAsync();
    }

    public static string AntiforgeryToken(this IHtmlDocument page) =>
        page.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The page's own form: the first POST form in main content (the header's sign-out form is not it).</summary>
    public static IHtmlFormElement MainForm(this IHtmlDocument page) =>
        page.QuerySelector("main form[method='post']") as IHtmlFormElement
        ?? throw new InvalidOperationException("The page has no form in its main content.");

    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    public static string? FieldValue(this IHtmlDocument page, string name) =>
        page.QuerySelector($"input[name='{name}']")?.GetAttribute("value");

    /// <summary>
    /// Submits the page's main form: every field it carries (hidden ones and the antiforgery token included), with
    /// the given values typed over them, posted to its action or, without one, back to <paramref name="pageUrl"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string pageUrl,
        IReadOnlyDictionary<string, string> values)
    {
        var form = page.MainForm();
        var fields = form.Fields().Where(f => !values.ContainsKey(f.Key)).ToList();
        fields.AddRange(values);
        var action = form.GetAttribute("action");
        return await client.PostFormAsync(string.IsNullOrEmpty(action) ? pageUrl : action, fields);
    }

    /// <summary>As <see cref="SubmitAsync(HttpClient, IHtmlDocument, string, IReadOnlyDictionary{string, string})"/>, with
    /// fields that take several values (ticked checkboxes): <paramref name="extra"/> replaces every value the form had
    /// under those names.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string pageUrl,
        IReadOnlyDictionary<string, string> values, IEnumerable<(string Name, string Value)> extra)
    {
        var form = page.MainForm();
        var more = extra.ToList();
        var replaced = values.Keys.Concat(more.Select(e => e.Name)).ToHashSet();
        var fields = form.Fields().Where(f => !replaced.Contains(f.Key)).ToList();
        fields.AddRange(values);
        fields.AddRange(more.Select(e => KeyValuePair.Create(e.Name, e.Value)));
        var action = form.GetAttribute("action");
        return await client.PostFormAsync(string.IsNullOrEmpty(action) ? pageUrl : action, fields);
    }

    /// <summary>
    /// What a browser sends for this form without anyone touching it: each named field's value, ticked boxes and
    /// chosen radio buttons only, a list's selected option, a text area's text. Submit buttons are not fields.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fields(this IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var type = input.GetAttribute("type");
            if (type is "submit" or "image" or "button" || (type is "checkbox" or "radio" && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields.Add(new(input.GetAttribute("name")!,
                input is IHtmlSelectElement select ? Chosen(select) : input.GetAttribute("value") ?? input.TextContent));
        }

        return fields;
    }

    /// <summary>What a browser sends for a list: the selected option's value, or the first option's when none is selected.</summary>
    private static string Chosen(IHtmlSelectElement select)
    {
        var option = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
        return option?.GetAttribute("value") ?? option?.TextContent ?? "";
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString
        ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
}
