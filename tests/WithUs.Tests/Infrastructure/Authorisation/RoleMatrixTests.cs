using Microsoft.AspNetCore.Http;

namespace WithUs.Tests.Infrastructure.Authorisation;

/// <summary>
/// Every route the app has, found from its own routing table, asked for (GET, and every other handler with a valid
/// antiforgery token) by someone signed out, a member of another organisation, a partner, staff, an administrator
/// and the installation's operator. Each answer must be the one this matrix expects; a route it does not list fails
/// the test until someone decides who it is for.
/// </summary>
public sealed class RoleMatrixTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>Who each route is for: the one place to read (and review) the app's access rules.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Expected = new Dictionary<string, Access>
    {
        ["GET /"] = Access.Anyone,
        ["GET /accessibility"] = Access.Anyone,
        ["GET /privacy"] = Access.Anyone,
        ["GET /error/{code:int?}"] = Access.Anyone,
        ["POST /error/{code:int?}"] = Access.Anyone,
        ["GET /demo"] = Access.Anyone,
        ["POST /demo"] = Access.Anyone,
        ["GET /setup"] = Access.Anyone,
        ["POST /setup"] = Access.Anyone,
        ["GET /health/live"] = Access.Anyone,
        ["GET /health/ready"] = Access.Anyone,
        ["GET /invitation/{token}"] = Access.Anyone,
        ["POST /invitation/{token}"] = Access.Anyone,
        ["GET /account/sign-in"] = Access.Anyone,
        ["POST /account/sign-in"] = Access.Anyone,
        ["GET /account/sign-in/two-factor"] = Access.Anyone,
        ["POST /account/sign-in/two-factor"] = Access.Anyone,
        ["GET /account/sign-in/recovery-code"] = Access.Anyone,
        ["POST /account/sign-in/recovery-code"] = Access.Anyone,
        ["GET /account/forgot-password"] = Access.Anyone,
        ["POST /account/forgot-password"] = Access.Anyone,
        ["GET /account/reset-password"] = Access.Anyone,
        ["POST /account/reset-password"] = Access.Anyone,
        ["GET /account/sign-out"] = Access.Anyone,
        ["POST /account/sign-out"] = Access.Anyone,

        ["GET /account"] = Access.SignedIn,
        ["GET /account/change-password"] = Access.SignedIn,
        ["POST /account/change-password"] = Access.SignedIn,
        ["GET /account/two-factor/set-up"] = Access.SignedIn,
        ["POST /account/two-factor/set-up"] = Access.SignedIn,
        ["GET /account/two-factor/recovery-codes"] = Access.SignedIn,
        ["POST /account/two-factor/recovery-codes"] = Access.SignedIn,
        ["GET /account/two-factor/turn-off"] = Access.SignedIn,
        ["POST /account/two-factor/turn-off"] = Access.TwoFactorOptional,

        ["GET /installation/accounts"] = Access.Operator,
        ["POST /installation/accounts?handler=Disable"] = Access.Operator,
        ["POST /installation/accounts?handler=Enable"] = Access.Operator,
        ["GET /installation/jobs"] = Access.Operator,
        ["GET /installation/organisations"] = Access.Operator,
        ["POST /installation/organisations"] = Access.Operator,

        ["GET /p/{publicOrg}"] = Access.Anyone,
        ["GET /p/{publicOrg}/say"] = Access.Anyone,
        ["POST /p/{publicOrg}/say"] = Access.Anyone,
        ["GET /p/{publicOrg}/thanks"] = Access.Anyone,
        ["GET /p/{publicOrg}/ideas/{contributionId:guid}"] = Access.Anyone,
        ["POST /p/{publicOrg}/ideas/{contributionId:guid}"] = Access.Anyone,
        ["GET /p/{publicOrg}/you-said-we-did"] = Access.Anyone,
        ["GET /p/{publicOrg}/you-said-we-did.atom"] = Access.Anyone,
        ["GET /p/{publicOrg}/projects"] = Access.Anyone,
        ["GET /p/{publicOrg}/projects/{projectId:guid}"] = Access.Anyone,

        ["GET /o/{org}"] = Access.Partner,
        ["GET /o/{org}/my-voice"] = Access.Partner,
        ["GET /o/{org}/my-voice/new"] = Access.Partner,
        ["POST /o/{org}/my-voice/new"] = Access.Partner,

        ["GET /o/{org}/voice"] = Access.Staff,
        ["GET /o/{org}/voice/new"] = Access.Staff,
        ["POST /o/{org}/voice/new"] = Access.Staff,
        ["POST /o/{org}/voice/new?handler=Similar"] = Access.Staff,
        ["GET /o/{org}/voice/owed"] = Access.Staff,
        ["GET /o/{org}/voice/owed/{part}"] = Access.Staff,
        ["GET /o/{org}/voice/export"] = Access.Staff,
        ["GET /o/{org}/voice/import"] = Access.Staff,
        ["POST /o/{org}/voice/import"] = Access.Staff,
        ["GET /o/{org}/voice/import/template"] = Access.Staff,
        ["GET /o/{org}/voice/import/{batchId:guid}"] = Access.Staff,
        ["POST /o/{org}/voice/import/{batchId:guid}?handler=Import"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/outcome"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/outcome"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/outcome?handler=Preview"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/told"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/told"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/themes"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/themes"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/interest"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/interest"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/reach-back"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/reach-back?handler=Csv"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/reach-back"] = Access.Staff,
        ["GET /o/{org}/voice/{contributionId:guid}/separate"] = Access.Staff,
        ["POST /o/{org}/voice/{contributionId:guid}/separate"] = Access.Staff,
        ["GET /o/{org}/voice/same-idea/{offerId:guid}"] = Access.Staff,
        ["POST /o/{org}/voice/same-idea/{offerId:guid}"] = Access.Staff,
        ["POST /o/{org}/voice/same-idea/{offerId:guid}?handler=NotTheSame"] = Access.Staff,
        ["GET /o/{org}/themes"] = Access.Staff,
        ["POST /o/{org}/themes"] = Access.Staff,
        ["GET /o/{org}/themes/{themeId:guid}"] = Access.Staff,
        ["POST /o/{org}/themes/{themeId:guid}?handler=Archive"] = Access.Staff,
        ["POST /o/{org}/themes/{themeId:guid}?handler=Unarchive"] = Access.Staff,
        ["GET /o/{org}/themes/{themeId:guid}/edit"] = Access.Staff,
        ["POST /o/{org}/themes/{themeId:guid}/edit"] = Access.Staff,
        ["GET /o/{org}/themes/{themeId:guid}/reach-back"] = Access.Staff,
        ["GET /o/{org}/themes/{themeId:guid}/reach-back?handler=Csv"] = Access.Staff,
        ["POST /o/{org}/themes/{themeId:guid}/reach-back"] = Access.Staff,
        ["GET /o/{org}/people"] = Access.Staff,
        ["GET /o/{org}/people/new"] = Access.Staff,
        ["POST /o/{org}/people/new"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/edit"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/edit"] = Access.Staff,
        ["GET /o/{org}/people/roles"] = Access.Staff,
        ["GET /o/{org}/people/roles/{roleId:guid}"] = Access.Staff,
        ["POST /o/{org}/people/roles/{roleId:guid}?handler=Add"] = Access.Administrator,
        ["POST /o/{org}/people/roles/{roleId:guid}?handler=Remove"] = Access.Administrator,
        ["GET /o/{org}/people/training-due"] = Access.Staff,
        ["GET /o/{org}/people/equality"] = Access.Staff,
        ["GET /o/{org}/people/requests"] = Access.Staff,
        ["GET /o/{org}/people/retention"] = Access.Administrator,
        ["GET /o/{org}/people/{personId:guid}/merge"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/merge"] = Access.Staff,
        ["POST /o/{org}/people/retention"] = Access.Administrator,
        ["GET /o/{org}/about-me"] = Access.Partner,
        ["GET /o/{org}/about-me?handler=Download"] = Access.Partner,
        ["GET /o/{org}/about-me/details"] = Access.Partner,
        ["POST /o/{org}/about-me/details"] = Access.Partner,
        ["GET /o/{org}/about-me/needs"] = Access.Partner,
        ["POST /o/{org}/about-me/needs"] = Access.Partner,
        ["GET /o/{org}/about-me/agreed/{kind}"] = Access.Partner,
        ["POST /o/{org}/about-me/agreed/{kind}"] = Access.Partner,
        ["GET /o/{org}/about-me/equality"] = Access.Partner,
        ["POST /o/{org}/about-me/equality"] = Access.Partner,
        ["POST /o/{org}/about-me/equality?handler=Remove"] = Access.Partner,
        ["GET /o/{org}/about-me/remove"] = Access.Partner,
        ["POST /o/{org}/about-me/remove"] = Access.Partner,
        ["GET /o/{org}/people/{personId:guid}/equality"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/equality"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/equality?handler=Forget"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/recognition/new"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/recognition/new"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/training/{requirementId:guid}"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/training/{requirementId:guid}"] = Access.Staff,
        ["GET /o/{org}/people/roles/name/{roleId:guid?}"] = Access.Administrator,
        ["POST /o/{org}/people/roles/name/{roleId:guid?}"] = Access.Administrator,
        ["GET /o/{org}/people/{personId:guid}/roles/new"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/roles/new"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/roles/{heldId:guid}/end"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/roles/{heldId:guid}/end"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/needs"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/account"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/account?handler=Link"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/account?handler=Unlink"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/account?handler=Invite"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/needs"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/consent/{kind}"] = Access.Staff,
        ["POST /o/{org}/people/{personId:guid}/consent/{kind}"] = Access.Staff,
        ["GET /o/{org}/people/{personId:guid}/delete"] = Access.Administrator,
        ["POST /o/{org}/people/{personId:guid}/delete"] = Access.Administrator,

        ["GET /o/{org}/projects/participation-levels"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/decisions"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/decisions/new"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/decisions/new"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/decisions/{decisionId:guid}"] = Access.Staff,
        ["GET /o/{org}/projects"] = Access.Staff,
        ["GET /o/{org}/projects/new"] = Access.Staff,
        ["POST /o/{org}/projects/new"] = Access.Staff,
        ["GET /o/{org}/projects/phases"] = Access.Administrator,
        ["POST /o/{org}/projects/phases"] = Access.Administrator,
        ["GET /o/{org}/projects/{projectId:guid}"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/edit"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/edit"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/phases/{phase}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/phases/{phase}"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/boundaries"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/boundaries/new"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/boundaries/new"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/boundaries/{boundaryId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/boundaries/{boundaryId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/boundaries/{boundaryId:guid}?handler=Remove"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/said"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/publish"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/publish"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/publish?handler=Preview"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/publish?handler=Stop"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/team"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/team/add-partner"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/team/add-partner"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/team/add-staff"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/team/add-staff"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/team/{teamMemberId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/team/{teamMemberId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/team/{teamMemberId:guid}?handler=Leave"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/ground-rules"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/ground-rules"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/ground-rules?handler=Agree"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/meetings/new"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/new"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/new?handler=Check"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}?handler=Calendar"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}?handler=Attendance"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}?handler=Notes"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}?handler=Reminded"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}?handler=Cancel"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}/edit"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}/edit"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}/edit?handler=Check"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}/expenses/{teamMemberId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/meetings/{meetingId:guid}/expenses/{teamMemberId:guid}"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/deliver"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/deliver"] = Access.Staff,
        ["GET /o/{org}/my-projects"] = Access.Partner,
        ["GET /o/{org}/my-projects/{projectId:guid}"] = Access.Partner,
        ["GET /o/{org}/my-projects/{projectId:guid}/meetings/{meetingId:guid}/calendar"] = Access.Partner,
        ["POST /o/{org}/my-projects/{projectId:guid}?handler=Agree"] = Access.Partner,
        ["POST /o/{org}/my-projects/{projectId:guid}?handler=Done"] = Access.Partner,
        ["GET /o/{org}/projects/{projectId:guid}/actions"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/actions/new"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/actions/new"] = Access.Staff,
        ["GET /o/{org}/projects/{projectId:guid}/actions/{actionId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/actions/{actionId:guid}"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/actions/{actionId:guid}?handler=Done"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/actions/{actionId:guid}?handler=Reopen"] = Access.Staff,
        ["POST /o/{org}/projects/{projectId:guid}/said"] = Access.Staff,

        ["GET /o/{org}/members"] = Access.Administrator,
        ["POST /o/{org}/members?handler=Revoke"] = Access.Administrator,
        ["GET /o/{org}/members/invite"] = Access.Administrator,
        ["POST /o/{org}/members/invite"] = Access.Administrator,
        ["GET /o/{org}/members/{membershipId:guid}/role"] = Access.Administrator,
        ["POST /o/{org}/members/{membershipId:guid}/role"] = Access.Administrator,
        ["GET /o/{org}/members/{membershipId:guid}/remove"] = Access.Administrator,
        ["POST /o/{org}/members/{membershipId:guid}/remove"] = Access.Administrator,
        ["GET /o/{org}/audit"] = Access.Administrator,
        ["GET /o/{org}/settings"] = Access.Administrator,
        ["POST /o/{org}/settings"] = Access.Administrator,
    };

    private sealed record Request(string Method, string Route, string Path, IReadOnlyDictionary<string, string> Fields)
    {
        /// <summary>Requests that change who is signed in or remove the data others use go last.</summary>
        public int Order => Method == "GET" ? 0
            : Path.StartsWith("/account/sign-out", StringComparison.Ordinal) ? 3
            : Path.Contains("/delete", StringComparison.Ordinal) || Path.Contains("/remove", StringComparison.Ordinal) ? 2
            : 1;

        public override string ToString() => $"{Method} {Path}";
    }

    private async Task<List<Request>> RequestsAsync(RouteWorld world) =>
        (await app.EndpointRequestsAsync())
            .Select(r => new Request(r.Method, $"{r.Method} {r.Route}{r.HandlerQuery}",
                world.Fill(r) + r.HandlerQuery,
                r.FormParameters.ToDictionary(p => p.Name, p => world.Ids.GetValueOrDefault(p.Name) ?? "x")))
            .DistinctBy(r => r.Route).OrderBy(r => r.Order).ToList();

    private async Task<List<(string Route, Asker Asker, Answer Answer, string Detail)>> AskAsync(Asker asker)
    {
        var world = await RouteWorld.CreateAsync(app, asker);
        using var client = await world.BrowserAsync(app, asker);
        var token = (await client.GetPageAsync(asker == Asker.SignedOut ? Accounts.SignInPath : "/account")).AntiforgeryToken();
        var answers = new List<(string, Asker, Answer, string)>();
        foreach (var request in await RequestsAsync(world))
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
            if (request.Method != "GET")
            {
                message.Content = new FormUrlEncodedContent(request.Fields.Append(new(Html.AntiforgeryField, token)));
            }

            using var response = await client.SendAsync(message);
            var detail = $"{request}: {(int)response.StatusCode} {response.Headers.Location}";
            answers.Add((request.Route, asker, RoleMatrix.Classify(response), detail));
        }

        return answers;
    }

    [DatabaseTheory]
    [InlineData(Asker.SignedOut)]
    [InlineData(Asker.NonMember)]
    [InlineData(Asker.Partner)]
    [InlineData(Asker.Staff)]
    [InlineData(Asker.Administrator)]
    [InlineData(Asker.Operator)]
    public async Task EveryRoute_AnswersAsTheMatrixSays(Asker asker)
    {
        var answers = await AskAsync(asker);

        answers.Count.ShouldBeGreaterThan(Expected.Count / 2, "the routes were found from the app's own routing table");
        RoleMatrix.Differences(Expected, answers).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task EveryRouteInTheMatrix_StillExists()
    {
        var routes = (await RequestsAsync(await RouteWorld.CreateAsync(app, Asker.Staff))).Select(r => r.Route).ToHashSet();

        Expected.Keys.Where(k => !routes.Contains(k)).ShouldBeEmpty("a route that is gone should leave the matrix too");
    }
}
