using AngleSharp.Dom;
using WithUs.Tests.Infrastructure.Authorisation;

namespace WithUs.Tests.Infrastructure.Security;

/// <summary>
/// Every page of the app, found from its routing table, opened by each kind of person; every form that posts, on
/// every page they can open, must carry an antiforgery token and be accepted when sent as a browser would send it
/// (its own fields, its submit button): never "the form may have expired", never a missing page or handler, never an
/// error, never sent to sign in. Three forms once failed for every person because a hand-written action got no token;
/// a form like that cannot ship again without this test failing.
/// </summary>
public sealed class EveryFormTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private const string ExpiredForm = "The form may have expired";

    private readonly WithUsFactory app = apps.Current;

    /// <summary>One way to send one form: the page it is on, where it goes, and what it sends.</summary>
    private sealed record Submission(string Page, string Action, List<KeyValuePair<string, string>> Fields, string Button)
    {
        /// <summary>Forms that sign the person out or remove what other forms act on are sent last.</summary>
        public int Order => Action.StartsWith("/account/sign-out", StringComparison.Ordinal) ? 3
            : Action.Contains("/delete", StringComparison.Ordinal) || Action.Contains("/remove", StringComparison.Ordinal) ? 2
            : Action.StartsWith("/account", StringComparison.Ordinal) ? 1
            : 0;

        public override string ToString() => $"the form on {Page} ({Button}) sent to {Action}";
    }

    [DatabaseTheory]
    [InlineData(Asker.SignedOut)]
    [InlineData(Asker.Partner)]
    [InlineData(Asker.Staff)]
    [InlineData(Asker.Administrator)]
    [InlineData(Asker.Operator)]
    public async Task EveryFormOnEveryPage_CarriesAToken_AndIsAccepted(Asker asker)
    {
        var world = await RouteWorld.CreateAsync(app, asker);
        using var client = await world.BrowserAsync(app, asker);

        var problems = new List<string>();
        var submissions = new List<Submission>();
        foreach (var request in (await app.EndpointRequestsAsync()).Where(r => r.Method == "GET" && r.Handler is null))
        {
            var path = world.Fill(request);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.ReadHtmlAsync();
            foreach (var form in page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = form.Fields();
                var action = Resolve(path, form.GetAttribute("action"));
                if (!fields.Any(f => f.Key == Html.AntiforgeryField))
                {
                    problems.Add($"the form on {path} sent to {action} has no antiforgery token");
                }

                submissions.AddRange(SubmissionsOf(form, path, action, fields));
            }
        }

        // The same form on many pages (the header's "Sign out") is sent once.
        var distinct = submissions.DistinctBy(s => (s.Action, s.Button)).OrderBy(s => s.Order).ToList();
        distinct.Count.ShouldBeGreaterThan(asker == Asker.SignedOut ? 3 : 5, "forms were found on the pages this person can open");
        foreach (var submission in distinct)
        {
            using var response = await client.PostFormAsync(submission.Action, submission.Fields);
            if (await ProblemAsync(response) is { } problem)
            {
                problems.Add($"{submission}: {problem}");
            }
        }

        problems.ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task AFormWithoutAToken_OrToAHandlerThatIsNotThere_IsCaught()
    {
        // The test's own checks, shown failing on purpose against real answers.
        var world = await RouteWorld.CreateAsync(app, Asker.Staff);
        using var client = app.CreateBrowser();
        await client.SignInAsync(world.User);
        var themes = $"/o/{world.Organisation.Slug}/themes/{world.Ids["themeId"]}";

        using var noToken = await client.PostFormAsync(themes + "?handler=Archive", []);
        using var noHandler = await client.PostFormAsync(themes + "?handler=NoSuchThing",
            [new(Html.AntiforgeryField, (await client.GetPageAsync(themes)).AntiforgeryToken())]);

        (await ProblemAsync(noToken)).ShouldNotBeNull().ShouldContain(ExpiredForm);
        (await ProblemAsync(noHandler)).ShouldNotBeNull().ShouldContain("405");
    }

    [DatabaseTheory]
    [InlineData(Asker.Administrator)]
    [InlineData(Asker.Operator)]
    public async Task APostToAPageThatOnlyShows_Answers405WithTheExplainedPage(Asker asker)
    {
        var world = await RouteWorld.CreateAsync(app, asker);
        using var client = app.CreateBrowser();
        await client.SignInAsync(world.User);
        var token = (await client.GetPageAsync("/account")).AntiforgeryToken();
        var requests = await app.EndpointRequestsAsync();
        var takesAPost = requests.Where(r => r.Method == "POST" && r.Handler is null).Select(r => r.Route).ToHashSet();
        var readOnly = requests.Where(r => r.Method == "GET" && r.Handler is null && !takesAPost.Contains(r.Route)).ToList();

        var answered = new List<string>();
        foreach (var request in readOnly)
        {
            var path = world.Fill(request);
            using (var shown = await client.GetAsync(new Uri(path, UriKind.Relative)))
            {
                if (shown.StatusCode != HttpStatusCode.OK || shown.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
            }

            using var response = await client.PostFormAsync(path, [new(Html.AntiforgeryField, token)]);
            var body = await response.Content.ReadAsStringAsync();
            answered.Add(response.StatusCode == HttpStatusCode.MethodNotAllowed && body.Contains("This page only shows information", StringComparison.Ordinal)
                ? "405" : $"{path}: {(int)response.StatusCode}");
        }

        answered.Count.ShouldBeGreaterThan(3, "read-only pages were found (a person, a theme, what was said, an import)");
        answered.Where(a => a != "405").ShouldBeEmpty();
    }

    /// <summary>One submission per submit button (each may name its own handler or address); one for a form with none.</summary>
    private static IEnumerable<Submission> SubmissionsOf(IElement form, string page, string action, List<KeyValuePair<string, string>> fields)
    {
        var buttons = form.QuerySelectorAll("button, input[type='submit']")
            .Where(b => b.GetAttribute("type") is null or "submit")
            .ToList();
        if (buttons.Count == 0)
        {
            yield return new Submission(page, action, fields, "no button");
            yield break;
        }

        foreach (var button in buttons)
        {
            var sent = new List<KeyValuePair<string, string>>(fields);
            if (button.GetAttribute("name") is { Length: > 0 } name)
            {
                sent.Add(new(name, button.GetAttribute("value") ?? ""));
            }

            yield return new Submission(page, Resolve(page, button.GetAttribute("formaction") ?? action), sent,
                button.TextContent.Trim() is { Length: > 0 } text ? text : button.GetAttribute("value") ?? "button");
        }
    }

    /// <summary>Where the browser sends a form: its action, or (without one) the page it is on.</summary>
    private static string Resolve(string page, string? action)
    {
        if (string.IsNullOrEmpty(action))
        {
            return page;
        }

        var uri = new Uri(new Uri("https://localhost" + page), action);
        return uri.PathAndQuery;
    }

    /// <summary>What is wrong with the answer to a sent form, or null when the form was accepted.</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.BadRequest
            && (await response.Content.ReadAsStringAsync()).Contains(ExpiredForm, StringComparison.Ordinal))
        {
            return $"400 \"{ExpiredForm}\": the token was missing or not accepted";
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed || status >= 500)
        {
            return $"{status}: no page or handler took it, or it failed";
        }

        if (RoleMatrix.Classify(response) is Answer.SignIn or Answer.Refused)
        {
            return $"{status} {response.Headers.Location}: the form was shown to someone who may not use it";
        }

        return null;
    }
}
