using WithUs.Tests.Features.Public;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Tests.Infrastructure.Tenancy;

/// <summary>
/// Walks every endpoint under /p/{publicOrg}/, found from the app's own routing table rather than a hand-kept list:
/// an organisation's public pages show only what it published, never another organisation's, never anything
/// unpublished, never the words people used or who they are (a published project names only partners who agreed
/// to be named, and never anyone's needs, notes, expenses or dissent).
/// </summary>
public sealed class PublicIsolationTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private sealed record Request(string Method, string Path)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>One organisation's public and private data, with words unique to it so any leak can be seen.</summary>
    private sealed record World(TestOrganisation Organisation, Guid PublishedId, Guid UnpublishedId, Guid VoiceId,
        Guid ProjectId, Guid DraftProjectId, string Marker, IReadOnlyList<string> Public, IReadOnlyList<string> Private);

    private async Task<World> OrganisationWithDataAsync()
    {
        var organisation = await app.CreateOrganisationAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var person = await app.CreatePersonAsync(organisation, name: $"Name{marker}");
        var theme = await app.CreateThemeAsync(organisation, $"Theme{marker}");
        var published = await app.CreatePublishedIdeaAsync(organisation, $"Original{marker} words", $"Summary{marker}",
            OutcomeStatus.Done, c =>
            {
                c.PersonId = person.Id;
                c.OutcomeExplanation = $"ForThePerson{marker}";
                c.PublicOutcome = $"WeDid{marker}";
            });
        await app.AddThemeAsync(organisation, published.Id, theme.Id);
        var voice = await app.CreateContributionAsync(organisation, $"MeToo{marker} words", c =>
        {
            c.LinkedToId = published.Id;
            c.PersonId = person.Id;
        });
        var unpublished = await app.CreateContributionAsync(organisation, $"Hidden{marker} words", c =>
        {
            c.Outcome = OutcomeStatus.Done;
            c.PublicSummary = $"Draft{marker}";
            c.OutcomeExplanation = $"Secret{marker}";
            c.PersonId = person.Id;
        });

        // A published project that grew from the unpublished idea: its partners are the person above (never asked about
        // being named) and one who agreed to be named; and a project not published.
        var named = await app.CreatePersonAsync(organisation, name: $"Named{marker}");
        await app.RecordConsentAsync(organisation, named.Id, ConsentKind.Quoted, true);
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.People.SingleAsync(p => p.Id == person.Id)).OtherAccessNeed = $"Need{marker}";
            await db.SaveChangesAsync();
        });
        var project = await app.CreateProjectAsync(organisation, $"Project{marker}", unpublished.Id);
        var namedPlace = await app.AddTeamMemberAsync(organisation, project.Id, personId: named.Id);
        var unnamedPlace = await app.AddTeamMemberAsync(organisation, project.Id, personId: person.Id, role: $"Role{marker}");
        await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Open, $"Open{marker}");
        await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Fixed, $"Fixed{marker}", BoundaryReason.Law, $"Why{marker}");
        var meeting = await app.AddMeetingAsync(organisation, project.Id, $"Meeting{marker}", came: [namedPlace.Id, unnamedPlace.Id]);
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Set<Meeting>().SingleAsync(m => m.Id == meeting.Id)).Notes = $"Notes{marker}";
            db.Add(new MeetingExpense { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = unnamedPlace.Id, AmountPence = 250, Note = $"Fare{marker}", RecordedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.AddDecisionAsync(organisation, project.Id, DecisionWay.PartnersDecided, [namedPlace.Id, unnamedPlace.Id], $"Decided{marker}",
            dissent: $"Dissent{marker}");
        await app.PublishProjectAsync(organisation, project.Id, $"ProjectSummary{marker}");
        var draft = await app.CreateProjectAsync(organisation, $"Unpublished{marker}");
        await app.AddBoundaryAsync(organisation, draft.Id, BoundaryKind.Open, $"DraftBoundary{marker}");

        return new World(organisation, published.Id, unpublished.Id, voice.Id, project.Id, draft.Id, marker,
            [$"Summary{marker}", $"WeDid{marker}", $"Theme{marker}", published.Id.ToString(),
                $"Project{marker}", $"ProjectSummary{marker}", $"Open{marker}", $"Fixed{marker}", $"Why{marker}", $"Decided{marker}", $"Named{marker}",
                project.Id.ToString()],
            [$"Name{marker}", $"ForThePerson{marker}", $"Original{marker}", $"MeToo{marker}", $"Hidden{marker}", $"Draft{marker}", $"Secret{marker}",
                unpublished.Id.ToString(), voice.Id.ToString(),
                $"Need{marker}", $"Role{marker}", $"Meeting{marker}", $"Notes{marker}", $"Fare{marker}", $"Dissent{marker}", $"Unpublished{marker}",
                $"DraftBoundary{marker}", draft.Id.ToString()]);
    }

    /// <summary>
    /// Every request that can be made to an endpoint whose route has {publicOrg}, with the values given: a project's
    /// id for {projectId}, an idea's for any other id.
    /// </summary>
    private async Task<List<Request>> PublicRequestsAsync(string slug, Guid ideaId, Guid projectId) =>
        (await app.EndpointRequestsAsync(TenantResolutionMiddleware.PublicRouteKey))
            .Select(r => new Request(r.Method, r.Path(parameter => parameter switch
            {
                { Name: TenantResolutionMiddleware.PublicRouteKey } => slug,
                { Name: "projectId" } => projectId.ToString(),
                _ when parameter.ParameterPolicies.Any(p => p.Content == "guid") => ideaId.ToString(),
                _ => "x",
            }) + r.HandlerQuery))
            .DistinctBy(r => r.ToString()).ToList();

    /// <summary>Posts as a person would (antiforgery and a form time from a real page), with thinking time passed.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Request request, string formPage)
    {
        if (request.Method == "GET")
        {
            return await client.GetAsync(new Uri(request.Path, UriKind.Relative));
        }

        var form = await client.GetPageAsync(formPage);
        if (app is ClockedWithUsFactory clocked)
        {
            clocked.Clock.Advance(PublicPages.ThinkingTime);
        }

        var fields = new Dictionary<string, string>(PublicPages.SayValues("Leak test"))
        {
            [Html.AntiforgeryField] = form.AntiforgeryToken(),
            ["FormIssued"] = form.FieldValue("FormIssued") ?? "",
        };
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        return await client.SendAsync(message);
    }

    [DatabaseFact]
    public async Task EveryPublicEndpoint_IsDiscovered()
    {
        var world = await OrganisationWithDataAsync();

        var requests = (await PublicRequestsAsync(world.Organisation.Slug, world.PublishedId, world.ProjectId)).Select(r => r.ToString()).ToList();

        var slug = world.Organisation.Slug;
        requests.ShouldContain($"GET /p/{slug}");
        requests.ShouldContain($"GET /p/{slug}/say");
        requests.ShouldContain($"POST /p/{slug}/say");
        requests.ShouldContain($"GET /p/{slug}/ideas/{world.PublishedId}");
        requests.ShouldContain($"POST /p/{slug}/ideas/{world.PublishedId}");
        requests.ShouldContain($"GET /p/{slug}/you-said-we-did");
        requests.ShouldContain($"GET /p/{slug}/you-said-we-did.atom");
        requests.ShouldContain($"GET /p/{slug}/projects");
        requests.ShouldContain($"GET /p/{slug}/projects/{world.ProjectId}");
    }

    [DatabaseFact]
    public async Task EveryPublicPage_ShowsOnlyItsOwnPublishedData_NeverAnotherOrganisationsOrAnythingPrivate()
    {
        var own = await OrganisationWithDataAsync();
        var other = await OrganisationWithDataAsync();
        using var client = app.CreateBrowser();

        var leaks = new List<string>();
        var shownOwn = new HashSet<string>();
        foreach (var request in (await PublicRequestsAsync(own.Organisation.Slug, own.PublishedId, own.ProjectId)).Where(r => r.Method == "GET"))
        {
            using var response = await client.GetAsync(new Uri(request.Path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                leaks.Add($"{request} answered {(int)response.StatusCode}");
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            leaks.AddRange(own.Private.Concat(other.Public).Concat(other.Private)
                .Where(word => body.Contains(word, StringComparison.OrdinalIgnoreCase))
                .Select(word => $"{request} shows \"{word}\""));
            shownOwn.UnionWith(own.Public.Where(word => body.Contains(word, StringComparison.Ordinal)));
        }

        leaks.ShouldBeEmpty();
        shownOwn.ShouldBe(own.Public, ignoreOrder: true, "the control: everything published does show somewhere");
    }

    [DatabaseFact]
    public async Task EveryPublicEndpoint_AskedForAnotherOrganisationsIdea_Answers404()
    {
        var own = await OrganisationWithDataAsync();
        var other = await OrganisationWithDataAsync();
        using var client = app.CreateBrowser();
        var requests = (await PublicRequestsAsync(own.Organisation.Slug, other.PublishedId, other.ProjectId))
            .Where(r => r.Path.Contains(other.PublishedId.ToString(), StringComparison.Ordinal)
                        || r.Path.Contains(other.ProjectId.ToString(), StringComparison.Ordinal))
            .ToList();

        var leaks = new List<string>();
        foreach (var request in requests)
        {
            using var response = await SendAsync(client, request, $"/p/{own.Organisation.Slug}/say");
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                leaks.Add($"{request} answered {(int)response.StatusCode}");
            }
        }

        requests.ShouldContain(r => r.Path.Contains(other.ProjectId.ToString(), StringComparison.Ordinal));
        requests.ShouldNotBeEmpty();
        leaks.ShouldBeEmpty();
        (await app.ContributionsAsync(own.Organisation)).Count.ShouldBe(3, "nothing was added to either organisation");
        (await app.ContributionsAsync(other.Organisation)).Count.ShouldBe(3);
    }

    [DatabaseFact]
    public async Task EveryPublicEndpoint_AskedForUnpublishedOrAddedVoicesOrAnUnpublishedProject_Answers404()
    {
        var own = await OrganisationWithDataAsync();
        using var client = app.CreateBrowser();

        var leaks = new List<string>();
        foreach (var id in new[] { own.UnpublishedId, own.VoiceId, own.DraftProjectId, Guid.CreateVersion7() })
        {
            foreach (var request in (await PublicRequestsAsync(own.Organisation.Slug, id, id))
                         .Where(r => r.Path.Contains(id.ToString(), StringComparison.Ordinal)))
            {
                using var response = await SendAsync(client, request, $"/p/{own.Organisation.Slug}/say");
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    leaks.Add($"{request} answered {(int)response.StatusCode}");
                }
            }
        }

        leaks.ShouldBeEmpty();
        (await app.ContributionsAsync(own.Organisation)).Count.ShouldBe(3);
    }

    [DatabaseFact]
    public async Task EveryPublicEndpoint_OfAnOrganisationWithClosedPages_Answers404()
    {
        var own = await OrganisationWithDataAsync();
        var open = await OrganisationWithDataAsync();
        await app.SetPublicPagesOpenAsync(own.Organisation, open: false);
        using var client = app.CreateBrowser();

        var leaks = new List<string>();
        foreach (var request in await PublicRequestsAsync(own.Organisation.Slug, own.PublishedId, own.ProjectId))
        {
            using var response = await SendAsync(client, request, $"/p/{open.Organisation.Slug}/say");
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                leaks.Add($"{request} answered {(int)response.StatusCode}");
            }
            else if ((await response.Content.ReadAsStringAsync()).Contains(own.Organisation.Name, StringComparison.OrdinalIgnoreCase))
            {
                leaks.Add($"{request} names the organisation");
            }
        }

        leaks.ShouldBeEmpty();
        (await app.ContributionsAsync(own.Organisation)).Count.ShouldBe(3);
    }

    [DatabaseFact]
    public async Task EveryPublicEndpoint_OfAnUnknownOrganisation_Answers404()
    {
        var open = await OrganisationWithDataAsync();
        using var client = app.CreateBrowser();

        var leaks = new List<string>();
        foreach (var request in await PublicRequestsAsync("no-such-organisation", open.PublishedId, open.ProjectId))
        {
            using var response = await SendAsync(client, request, $"/p/{open.Organisation.Slug}/say");
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                leaks.Add($"{request} answered {(int)response.StatusCode}");
            }
        }

        leaks.ShouldBeEmpty();
    }
}
