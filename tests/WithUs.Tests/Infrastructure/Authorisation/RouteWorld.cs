using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Tests.Infrastructure.Authorisation;

/// <summary>
/// One organisation with one of everything a route can name (a decided, published idea from a person, a theme, an
/// offer of it and another idea as the same idea, an import, a colleague's membership, an invitation), and an account for the one asking: what the role matrix and the
/// every-form test request pages in.
/// </summary>
public sealed record RouteWorld(TestOrganisation Organisation, IReadOnlyDictionary<string, string> Ids, TestUser User)
{
    public static async Task<RouteWorld> CreateAsync(WithUsFactory app, Asker asker)
    {
        var organisation = await app.CreateOrganisationAsync();
        var administrator = await app.CreateUserAsync(twoFactor: true);
        await app.AddMembershipAsync(organisation, administrator, OrganisationRole.Administrator);
        var colleague = await app.CreateUserAsync(twoFactor: true);
        var membershipId = await app.AddMembershipAsync(organisation, colleague, OrganisationRole.Staff);
        var person = await app.CreatePersonAsync(organisation);
        var roles = await app.AddDefaultRolesAsync(organisation);
        var held = await app.GiveRoleAsync(organisation, person.Id, roles[4].Id, DateTime.UtcNow.AddDays(-30));
        var requirement = await app.RequireAsync(organisation, roles[4].Id, "Safeguarding", 36);
        var contribution = await app.CreateContributionAsync(organisation, "A garden we can all use", c =>
        {
            // Decided and published, so the pages that act on an outcome (told, the public idea) show their forms.
            c.PersonId = person.Id;
            c.Outcome = OutcomeStatus.Planned;
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
            c.OutcomeExplanation = "We are planning it for the spring.";
            c.IsPublished = true;
            c.PublishedAtUtc = DateTime.UtcNow.AddDays(-1);
            c.PublicSummary = "A shared garden";
        });
        var theme = await app.CreateThemeAsync(organisation);
        await app.AddThemeAsync(organisation, contribution.Id, theme.Id);
        var likeIt = await app.CreateContributionAsync(organisation, "Somewhere outside to grow vegetables");
        var offerId = await app.CreateSameIdeaOfferAsync(organisation, contribution.Id, likeIt.Id);
        var project = await app.CreateProjectAsync(organisation, "A garden project");
        // Published, so its public page shows to anyone.
        await app.PublishProjectAsync(organisation, project.Id, "A garden for everyone, planned with the people who use it.");
        var boundary = await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Fixed, "It stays in the back yard");
        var teamMember = await app.AddTeamMemberAsync(organisation, project.Id, personId: person.Id);
        await app.AddGroundRulesAsync(organisation, project.Id);
        // A meeting that has begun, with its partner there: the pages after a meeting show their forms.
        var meeting = await app.PlanMeetingAsync(organisation, project.Id, DateTime.UtcNow.AddHours(-1), invited: teamMember.Id);
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Set<WithUs.Web.Features.Projects.Meetings.MeetingInvitee>().SingleAsync(i => i.MeetingId == meeting.Id)).Attended = true;
            await db.SaveChangesAsync();
        });
        var decision = await app.AddDecisionAsync(organisation, project.Id, WithUs.Web.Features.Projects.Decisions.DecisionWay.PartnersDecided, [teamMember.Id]);
        var action = await app.AddActionAsync(organisation, project.Id, teamMember.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        var batchId = Guid.CreateVersion7();
        await app.InOrganisationAsync(organisation, async db =>
        {
            db.ImportBatches.Add(new ImportBatch
            {
                Id = batchId,
                FileName = "voices.csv",
                Status = ImportStatus.Failed,
                Message = "Made for the route world",
                CreatedByUserId = administrator.Id,
                CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var anotherAccount = await app.CreateUserAsync();
        var invitationId = await app.CreateInvitationAsync(organisation, administrator);

        var user = asker switch
        {
            Asker.SignedOut => administrator,
            Asker.Administrator => administrator,
            Asker.Operator => await app.CreateUserAsync(twoFactor: true, isOperator: true),
            Asker.NonMember => (await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true)).User,
            _ => await app.CreateUserAsync(twoFactor: true),
        };
        if (asker is Asker.Partner or Asker.Staff)
        {
            await app.AddMembershipAsync(organisation, user,
                asker == Asker.Partner ? OrganisationRole.Partner : OrganisationRole.Staff);
        }

        if (asker == Asker.Partner)
        {
            // A partner in the project's team, invited to its meeting: their own project pages open for them.
            var own = await app.CreatePersonAsync(organisation, userId: user.Id);
            var place = await app.AddTeamMemberAsync(organisation, project.Id, personId: own.Id);
            await app.InOrganisationAsync(organisation, async db =>
            {
                db.Add(new WithUs.Web.Features.Projects.Meetings.MeetingInvitee { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = place.Id });
                await db.SaveChangesAsync();
            });
        }

        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [TenantResolutionMiddleware.MemberRouteKey] = organisation.Slug,
            [TenantResolutionMiddleware.PublicRouteKey] = organisation.Slug,
            ["membershipId"] = membershipId.ToString(),
            ["personId"] = person.Id.ToString(),
            ["contributionId"] = contribution.Id.ToString(),
            ["themeId"] = theme.Id.ToString(),
            ["batchId"] = batchId.ToString(),
            ["offerId"] = offerId.ToString(),
            ["userId"] = anotherAccount.Id.ToString(),
            ["invitationId"] = invitationId.ToString(),
            ["part"] = "not-told",
            ["kind"] = "contact",
            ["roleId"] = roles[0].Id.ToString(),
            ["heldId"] = held.Id.ToString(),
            ["requirementId"] = requirement.Id.ToString(),
            ["projectId"] = project.Id.ToString(),
            ["boundaryId"] = boundary.Id.ToString(),
            ["teamMemberId"] = teamMember.Id.ToString(),
            ["meetingId"] = meeting.Id.ToString(),
            ["phase"] = "design",
            ["decisionId"] = decision.Id.ToString(),
            ["actionId"] = action.Id.ToString(),
            ["code"] = "404",
            ["token"] = "not-a-real-invitation",
        };
        return new RouteWorld(organisation, ids, user);
    }

    /// <summary>A browser for the asker: signed in as this world's account, unless they are signed out.</summary>
    public async Task<HttpClient> BrowserAsync(WithUsFactory app, Asker asker)
    {
        var client = app.CreateBrowser();
        if (asker != Asker.SignedOut)
        {
            await client.SignInAsync(User);
        }

        return client;
    }

    /// <summary>The request's path with each route value filled from this world.</summary>
    public string Fill(EndpointRequest request) =>
        request.Path(parameter => Ids.GetValueOrDefault(parameter.Name)
            ?? throw new InvalidOperationException($"The route world has no value for the route parameter {{{parameter.Name}}}: add one"));
}
