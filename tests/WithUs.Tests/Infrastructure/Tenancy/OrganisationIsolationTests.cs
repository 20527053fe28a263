using Microsoft.AspNetCore.Http;

namespace WithUs.Tests.Infrastructure.Tenancy;

/// <summary>
/// Walks every endpoint under /o/{org}/, found from the app's own routing table rather than a hand-kept list,
/// as an administrator of organisation A asking for organisation B. Each must answer 404, as if B did not exist.
/// </summary>
public sealed class OrganisationIsolationTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Fields, bool AllIdsReal)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>One organisation's data, so its ids can be put in the routes.</summary>
    private sealed record World(TestOrganisation Organisation, Guid MembershipId, Guid InvitationId, Guid PersonId,
        Guid ContributionId, Guid ThemeId, Guid OfferId, Guid RoleId, Guid HeldId, Guid RequirementId, Guid ProjectId, Guid BoundaryId, Guid TeamMemberId, Guid MeetingId,
        Guid DecisionId, Guid ActionId);

    private async Task<World> OrganisationWithDataAsync(TestUser? administrator = null)
    {
        var organisation = await app.CreateOrganisationAsync();
        var user = administrator ?? await app.CreateUserAsync(twoFactor: true);
        var membershipId = await app.AddMembershipAsync(organisation, user, OrganisationRole.Administrator);
        var invitationId = await app.CreateInvitationAsync(organisation, user);
        var person = await app.CreatePersonAsync(organisation);
        var roles = await app.AddDefaultRolesAsync(organisation);
        var held = await app.GiveRoleAsync(organisation, person.Id, roles[0].Id, DateTime.UtcNow.AddDays(-30));
        var requirement = await app.RequireAsync(organisation, roles[0].Id, "Safeguarding", 36);
        var contribution = await app.CreateContributionAsync(organisation, "A garden we can all use", c => c.PersonId = person.Id);
        var theme = await app.CreateThemeAsync(organisation);
        await app.AddThemeAsync(organisation, contribution.Id, theme.Id);
        var likeIt = await app.CreateContributionAsync(organisation, "Somewhere outside to grow vegetables");
        var offerId = await app.CreateSameIdeaOfferAsync(organisation, contribution.Id, likeIt.Id);
        var project = await app.CreateProjectAsync(organisation, "A garden project", contribution.Id);
        var boundary = await app.AddBoundaryAsync(organisation, project.Id);
        var teamMember = await app.AddTeamMemberAsync(organisation, project.Id, personId: person.Id);
        await app.AddGroundRulesAsync(organisation, project.Id);
        var meeting = await app.PlanMeetingAsync(organisation, project.Id, DateTime.UtcNow.AddHours(-1), invited: teamMember.Id);
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Set<WithUs.Web.Features.Projects.Meetings.MeetingInvitee>().SingleAsync(i => i.MeetingId == meeting.Id)).Attended = true;
            await db.SaveChangesAsync();
        });
        var decision = await app.AddDecisionAsync(organisation, project.Id, WithUs.Web.Features.Projects.Decisions.DecisionWay.PartnersDecided, [teamMember.Id]);
        var action = await app.AddActionAsync(organisation, project.Id, teamMember.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        return new World(organisation, membershipId, invitationId, person.Id, contribution.Id, theme.Id, offerId, roles[0].Id, held.Id, requirement.Id,
            project.Id, boundary.Id, teamMember.Id, meeting.Id, decision.Id, action.Id);
    }

    /// <summary>Every request that can be made to an endpoint whose route has {org}, with the world's values filled in.</summary>
    private async Task<List<Request>> OrganisationRequestsAsync(World world) =>
        (await app.EndpointRequestsAsync(TenantResolutionMiddleware.MemberRouteKey))
            .Select(r =>
            {
                var (path, pathIdsReal) = Fill(r, world);
                var fields = r.FormParameters.ToDictionary(p => p.Name, p => Value(p.Name, p.ParameterType == typeof(Guid), world).Value);
                var idsReal = pathIdsReal && r.FormParameters.All(p => Value(p.Name, false, world).Real);
                return new Request(r.Method, path + r.HandlerQuery, fields, idsReal);
            })
            .DistinctBy(r => r.ToString()).ToList();

    private static (string Path, bool AllIdsReal) Fill(EndpointRequest request, World world)
    {
        var real = true;
        var path = request.Path(parameter =>
        {
            var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            var isInt = parameter.ParameterPolicies.Any(p => p.Content is "int" or "long");
            var (value, isReal) = isInt ? ("1", false) : Value(parameter.Name, isGuid, world);
            real &= isReal;
            return value;
        });
        return (path, real);
    }

    /// <summary>A plausible value for a route or form parameter: a real id from the world where its name says which.</summary>
    private static (string Value, bool Real) Value(string name, bool isGuid, World world)
    {
        if (name == TenantResolutionMiddleware.MemberRouteKey)
        {
            return (world.Organisation.Slug, true);
        }

        if (name.Contains("membership", StringComparison.OrdinalIgnoreCase) || name.Equals("memberId", StringComparison.OrdinalIgnoreCase))
        {
            return (world.MembershipId.ToString(), true);
        }

        if (name.Contains("invitation", StringComparison.OrdinalIgnoreCase))
        {
            return (world.InvitationId.ToString(), true);
        }

        if (name == "roleId")
        {
            return (world.RoleId.ToString(), true);
        }

        if (name == "heldId")
        {
            return (world.HeldId.ToString(), true);
        }

        if (name == "requirementId")
        {
            return (world.RequirementId.ToString(), true);
        }

        if (name == "projectId")
        {
            return (world.ProjectId.ToString(), true);
        }

        if (name == "meetingId")
        {
            return (world.MeetingId.ToString(), true);
        }

        if (name == "teamMemberId")
        {
            return (world.TeamMemberId.ToString(), true);
        }

        if (name == "boundaryId")
        {
            return (world.BoundaryId.ToString(), true);
        }

        if (name == "decisionId")
        {
            return (world.DecisionId.ToString(), true);
        }

        if (name == "actionId")
        {
            return (world.ActionId.ToString(), true);
        }

        if (name == "phase")
        {
            // A phase of a project (CoPhase, by name).
            return ("design", true);
        }

        if (name.Contains("person", StringComparison.OrdinalIgnoreCase))
        {
            return (world.PersonId.ToString(), true);
        }

        if (name.Contains("contribution", StringComparison.OrdinalIgnoreCase) || name.Contains("idea", StringComparison.OrdinalIgnoreCase))
        {
            return (world.ContributionId.ToString(), true);
        }

        if (name.Contains("theme", StringComparison.OrdinalIgnoreCase))
        {
            return (world.ThemeId.ToString(), true);
        }

        if (name.Contains("offer", StringComparison.OrdinalIgnoreCase))
        {
            return (world.OfferId.ToString(), true);
        }

        if (name == "part")
        {
            // A part of "owed a reply" (OwedParts.Slug).
            return ("not-told", true);
        }

        if (name == "kind")
        {
            // A kind of consent (ConsentWords.Slug).
            return ("contact", true);
        }

        var idLike = isGuid || name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
        return (idLike ? Guid.CreateVersion7().ToString() : "x", !idLike);
    }

    private async Task<(HttpClient Client, World Own, World Other, string Token)> SignedInAdministratorOfAAsync()
    {
        var administrator = await app.CreateUserAsync(twoFactor: true);
        var own = await OrganisationWithDataAsync(administrator);
        var other = await OrganisationWithDataAsync();
        var client = app.CreateBrowser();
        await client.SignInAsync(administrator);
        var token = (await client.GetPageAsync($"/o/{own.Organisation.Slug}")).AntiforgeryToken();
        return (client, own, other, token);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Request request, string token)
    {
        if (request.Method == "GET")
        {
            return await client.GetAsync(new Uri(request.Path, UriKind.Relative));
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(request.Fields.Append(new(Html.AntiforgeryField, token))),
        };
        return await client.SendAsync(message);
    }

    [DatabaseFact]
    public async Task EveryOrganisationEndpoint_IsDiscovered()
    {
        var world = await OrganisationWithDataAsync();

        var requests = await OrganisationRequestsAsync(world);

        requests.Select(r => r.ToString()).ShouldContain($"GET /o/{world.Organisation.Slug}");
        requests.Count(r => r.Method == "POST").ShouldBeGreaterThan(0);
    }

    [DatabaseFact]
    public async Task EveryOrganisationEndpoint_AskedForAnotherOrganisation_Answers404()
    {
        var (client, _, other, token) = await SignedInAdministratorOfAAsync();
        var requests = await OrganisationRequestsAsync(other);

        var leaks = new List<string>();
        foreach (var request in requests)
        {
            using var response = await SendAsync(client, request, token);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                leaks.Add($"{request} answered {(int)response.StatusCode}");
            }
        }

        client.Dispose();
        leaks.ShouldBeEmpty($"tried {requests.Count} requests: {string.Join(", ", requests)}");
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsNotFoundPage_ShowsNothingOfIt()
    {
        var (client, _, other, token) = await SignedInAdministratorOfAAsync();
        using var missing = await client.GetAsync(new Uri("/o/no-such-organisation", UriKind.Relative));
        var missingPage = await missing.ReadHtmlAsync();

        var leaks = new List<string>();
        foreach (var request in await OrganisationRequestsAsync(other))
        {
            using var response = await SendAsync(client, request, token);
            var page = await response.ReadHtmlAsync();
            if (page.Title != missingPage.Title
                || page.Body!.TextContent.Contains(other.Organisation.Name, StringComparison.OrdinalIgnoreCase))
            {
                leaks.Add($"{request}: title \"{page.Title}\"");
            }
        }

        client.Dispose();
        leaks.ShouldBeEmpty("a non-member must not tell an existing organisation from a missing one");
    }

    [DatabaseFact]
    public async Task EveryOrganisationPage_AskedForOwnOrganisation_IsFound()
    {
        var (client, own, _, _) = await SignedInAdministratorOfAAsync();
        var pages = (await OrganisationRequestsAsync(own)).Where(r => r.Method == "GET" && r.AllIdsReal).ToList();

        var missing = new List<string>();
        foreach (var request in pages)
        {
            using var response = await client.GetAsync(new Uri(request.Path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{request} answered {(int)response.StatusCode}");
            }
        }

        client.Dispose();
        pages.ShouldNotBeEmpty();
        missing.ShouldBeEmpty("the control: the same pages work for the organisation the person belongs to");
    }

    [DatabaseFact]
    public async Task EveryOrganisationEndpoint_Anonymous_IsSentToSignIn()
    {
        var world = await OrganisationWithDataAsync();
        using var client = app.CreateBrowser();

        foreach (var request in (await OrganisationRequestsAsync(world)).Where(r => r.Method == "GET"))
        {
            using var response = await client.GetAsync(new Uri(request.Path, UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, request.ToString());
            new Uri(WithUsFactory.SiteAddress, response.Location()).AbsolutePath.ShouldBe(Accounts.SignInPath, request.ToString());
        }
    }

    [DatabaseFact]
    public async Task OrganisationHome_Anonymous_IsSentToSignInAndBack()
    {
        var world = await OrganisationWithDataAsync();
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/o/{world.Organisation.Slug}/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(WithUsFactory.SiteAddress, response.Location());
        location.AbsolutePath.ShouldBe(Accounts.SignInPath);
        Uri.UnescapeDataString(location.Query).ShouldBe($"?ReturnUrl=/o/{world.Organisation.Slug}/");
    }
}
