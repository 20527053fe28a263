using WithUs.Tests.Features.Projects;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Tests.Features.Public;

/// <summary>
/// Public/Project: a published project as anyone reads it. Partners are named only if they agreed to be; nothing
/// personal shows; what is not published is not found; a change shows at once through the cache.
/// </summary>
public sealed class ProjectTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string Summary = "A drop-in on Saturday mornings, designed with the people who asked for it.";

    private sealed record Seeded(SignedIn Staff, Project Project, Person Named, Person NotAsked, Person Withdrew, Guid Saturdays)
    {
        public TestOrganisation Organisation => Staff.Organisation;

        public string Page => $"/p/{Organisation.Slug}/projects/{Project.Id}";
    }

    /// <summary>
    /// A published project with three partners (one who agreed to be named, one never asked, one who agreed and then
    /// withdrew), a member of staff, what is open and fixed (one removed), two decisions (one with dissent), a held
    /// meeting with notes and a partner's expense, what it did, and the things said that led to it.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var named = await app.CreatePersonAsync(organisation, name: "Kasia Nowak");
        await app.RecordConsentAsync(organisation, named.Id, ConsentKind.Quoted, true);
        var notAsked = await app.CreatePersonAsync(organisation, name: "Dev Sharma");
        var withdrew = await app.CreatePersonAsync(organisation, name: "Jonno Price");
        await app.RecordConsentAsync(organisation, withdrew.Id, ConsentKind.Quoted, true, DateTime.UtcNow.AddDays(-2));
        await app.RecordConsentAsync(organisation, withdrew.Id, ConsentKind.Quoted, false, DateTime.UtcNow.AddDays(-1));
        await app.InOrganisationAsync(organisation, async db =>
        {
            var kasia = await db.People.SingleAsync(p => p.Id == named.Id);
            (kasia.AccessNeeds, kasia.OtherAccessNeed) = (AccessNeed.StepFreeAccess, "A quiet corner to sit");
            await db.SaveChangesAsync();
        });

        var saturdays = await app.CreatePublishedIdeaAsync(organisation, "Kasia's own words about Saturdays", "Open the drop-in on Saturdays",
            OutcomeStatus.New, c => c.PersonId = named.Id);
        await app.CreateContributionAsync(organisation, "me too from Dev", c => { c.LinkedToId = saturdays.Id; c.PersonId = notAsked.Id; });
        await app.CreateContributionAsync(organisation, "an anonymous me too", c => c.LinkedToId = saturdays.Id);
        var unpublished = await app.CreateContributionAsync(organisation, "Weekends are long and lonely", c =>
        {
            c.PersonId = named.Id;
            c.PublicSummary = "A draft summary nobody published";
        });
        var project = await app.CreateProjectAsync(organisation, "Saturday opening", saturdays.Id, unpublished.Id);

        var kasiaPlace = await app.AddTeamMemberAsync(organisation, project.Id, personId: named.Id, role: "Co-designer");
        var devPlace = await app.AddTeamMemberAsync(organisation, project.Id, personId: notAsked.Id, role: "Host");
        await app.AddTeamMemberAsync(organisation, project.Id, personId: withdrew.Id, role: "Peer mentor");
        var staffPlace = await app.AddTeamMemberAsync(organisation, project.Id, userId: staff.User.Id, role: "Staff lead");

        await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Open, "Which Saturday hours it opens");
        await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Fixed, "It closes by 2pm", BoundaryReason.Budget, "The grant pays for one morning.");
        var removed = await app.AddBoundaryAsync(organisation, project.Id, BoundaryKind.Open, "Whether it opens on Sundays");
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Set<Boundary>().SingleAsync(b => b.Id == removed.Id)).EndedAtUtc = DateTime.UtcNow;
            db.Add(new PhaseName { Id = Guid.CreateVersion7(), Phase = CoPhase.Commissioning, Name = "Deciding what we need" });
            await db.SaveChangesAsync();
        });

        var meeting = await app.AddMeetingAsync(organisation, project.Id, "First meeting", came: [kasiaPlace.Id, devPlace.Id, staffPlace.Id]);
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Set<Meeting>().SingleAsync(m => m.Id == meeting.Id)).Notes = "Notes that stay with the team";
            db.Add(new MeetingExpense
            {
                Id = Guid.CreateVersion7(),
                MeetingId = meeting.Id,
                MemberId = devPlace.Id,
                Kind = ExpenseKind.Travel,
                AmountPence = 320,
                Note = "Two bus fares for Dev",
                RecordedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await app.AddDecisionAsync(organisation, project.Id, DecisionWay.TogetherByVote, [kasiaPlace.Id, devPlace.Id, staffPlace.Id],
            "It opens 10am to 1pm", "10am to 1pm\n11am to 2pm", DateTime.UtcNow.Date.AddDays(-3), meeting.Id,
            dissent: "Dev Sharma wanted it to open at 11am");
        await app.AddDecisionAsync(organisation, project.Id, DecisionWay.StaffAlone, [staffPlace.Id], "Staff hold the keys", null,
            DateTime.UtcNow.Date.AddDays(-1));
        await app.InOrganisationAsync(organisation, async db =>
        {
            var row = await db.Set<Project>().SingleAsync(p => p.Id == project.Id);
            (row.DeliveredAtUtc, row.DeliverySummary) = (DateTime.UtcNow, "The drop-in now opens every Saturday morning.");
            await db.SaveChangesAsync();
        });
        await app.PublishProjectAsync(organisation, project.Id, Summary);
        return new Seeded(staff, project, named, notAsked, withdrew, saturdays.Id);
    }

    [DatabaseFact]
    public async Task APublishedProject_ShowsItsSummary_WhereItStandsInTheOrganisationsWords_WhatIsOpenAndFixed_ItsDecisions_AndWhereItCameFrom()
    {
        var seeded = await SeedAsync();
        using var _ = seeded.Staff;
        using var visitor = app.CreateBrowser();

        var page = await visitor.GetPageAsync(seeded.Page);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Saturday opening");
        page.QuerySelector("#public-summary")!.TextContent.ShouldBe(Summary);
        var phases = page.QuerySelector(".withus-phases")!.TextContent;
        phases.ShouldContain("Deciding what we need", Case.Sensitive, "the organisation's own name for the phase");
        phases.ShouldContain("Co-design");
        page.QuerySelector("#public-open")!.TextContent.ShouldContain("Which Saturday hours it opens");
        page.QuerySelector("#public-fixed")!.TextContent.ShouldContain("It closes by 2pm. Why: The budget: The grant pays for one morning.");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Whether it opens on Sundays", Case.Sensitive, "only what stands now");

        var decisions = page.QuerySelectorAll("#public-decision-list > li").Select(d => d.TextContent).ToList();
        decisions.Count.ShouldBe(2);
        decisions[0].ShouldContain("Staff hold the keys", Case.Sensitive, "newest first");
        decisions[0].ShouldContain("Staff decided alone");
        decisions[0].ShouldContain("Informing");
        decisions[1].ShouldContain("It opens 10am to 1pm");
        decisions[1].ShouldContain("by a vote: 3 for, 0 against, 0 neither");
        decisions[1].ShouldContain("11am to 2pm", Case.Sensitive, "the options considered");
        decisions[1].ShouldContain("In the room: 2 partners and 1 member of staff");
        decisions[1].ShouldContain("Some people disagreed, and this was recorded.");
        decisions[1].ShouldContain("Co-production");
        page.QuerySelector("#participation-summary")!.TextContent.ShouldContain("1 of 2");

        page.QuerySelector("#public-delivery")!.TextContent.ShouldBe("The drop-in now opens every Saturday morning.");
        page.QuerySelector("#public-where-from")!.TextContent.ShouldBe("It started from 2 things people told us, said by 3 people.");
        var said = page.QuerySelectorAll("#public-ideas a").ShouldHaveSingleItem();
        said.TextContent.ShouldBe("Open the drop-in on Saturdays");
        said.GetAttribute("href").ShouldBe($"/p/{seeded.Organisation.Slug}/ideas/{seeded.Saturdays}");
        page.QuerySelector("a[href*='/o/']").ShouldBeNull("nothing links into the organisation's own pages");
    }

    [DatabaseFact]
    public async Task Partners_AreNamedOnlyIfTheyAgreedToBe_AndNothingPersonalOrUnpublishedShowsAnywhereInThePage()
    {
        var seeded = await SeedAsync();
        using var _ = seeded.Staff;
        using var visitor = app.CreateBrowser();

        var html = await visitor.BodyAsync(seeded.Page);
        var page = await visitor.GetPageAsync(seeded.Page);

        page.QuerySelector("#public-team-list")!.TextContent.ShouldContain("Kasia Nowak, co-designer");
        page.QuerySelector("#public-team-list")!.TextContent.ShouldContain("And 2 other partners, not named here");
        page.QuerySelector("#public-team-list")!.TextContent.ShouldContain("1 member of staff");
        foreach (var secret in new[]
                 {
                     "Dev Sharma", "Jonno Price", "Test person", seeded.Staff.User.Email,
                     "A quiet corner", "Step-free", "Notes that stay with the team", "Two bus fares", "wanted it to open at 11am",
                     "Kasia's own words", "me too from Dev", "Weekends are long", "A draft summary nobody published",
                     seeded.NotAsked.Id.ToString(), seeded.Named.Id.ToString(),
                 })
        {
            html.ShouldNotContain(secret, Case.Insensitive);
        }

        foreach (var role in new[] { "Host", "Peer mentor", "Staff lead" })
        {
            html.ShouldNotContain(role, Case.Sensitive, "the roles of those not named could say who they are");
        }
    }

    [DatabaseFact]
    public async Task AProjectNotPublished_AnotherOrganisations_OrNoneAtAll_IsNotFound()
    {
        var seeded = await SeedAsync();
        using var _ = seeded.Staff;
        var draft = await app.CreateProjectAsync(seeded.Organisation, "Not yet");
        var noSummary = await app.CreateProjectAsync(seeded.Organisation, "Published without words");
        await app.PublishProjectAsync(seeded.Organisation, noSummary.Id, "");
        var other = await app.CreateOrganisationAsync();
        var theirs = await app.CreateProjectAsync(other, "Theirs");
        await app.PublishProjectAsync(other, theirs.Id);
        using var visitor = app.CreateBrowser();
        var slug = seeded.Organisation.Slug;

        foreach (var path in new[]
                 {
                     $"/p/{slug}/projects/{draft.Id}", $"/p/{slug}/projects/{noSummary.Id}", $"/p/{slug}/projects/{theirs.Id}",
                     $"/p/{slug}/projects/{Guid.CreateVersion7()}",
                 })
        {
            (await visitor.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await visitor.GetAsync($"/p/{other.Slug}/projects/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the control");
    }

    [DatabaseFact]
    public async Task WhatThePageShows_ChangesAtOnce_ThroughTheCache_AndStopPublishingHidesIt()
    {
        var seeded = await SeedAsync();
        using var staff = seeded.Staff;
        using var visitor = app.CreateClient();
        (await visitor.GetStringAsync(seeded.Page)).ShouldContain("Kasia Nowak");
        app.Queries.Reset();
        (await visitor.GetStringAsync(seeded.Page)).ShouldContain("Kasia Nowak");
        app.Queries.Count.ShouldBe(0, "served from the cache");

        await app.AddBoundaryAsync(seeded.Organisation, seeded.Project.Id, BoundaryKind.Open, "What is on the menu");
        (await visitor.GetStringAsync(seeded.Page)).ShouldContain("What is on the menu");

        await app.AddDecisionAsync(seeded.Organisation, seeded.Project.Id, DecisionWay.PartnersDecided, what: "Toast and porridge");
        (await visitor.GetStringAsync(seeded.Page)).ShouldContain("Toast and porridge");

        await app.RecordConsentAsync(seeded.Organisation, seeded.Named.Id, ConsentKind.Quoted, false, DateTime.UtcNow.AddSeconds(1));
        (await visitor.GetStringAsync(seeded.Page)).ShouldNotContain("Kasia Nowak", Case.Sensitive, "withdrawn: counted, not named, at once");

        using (var saved = await staff.PublishAsync(seeded.Project.Id, "Saturday mornings, with a cooked breakfast."))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await visitor.GetStringAsync(seeded.Page)).ShouldContain("Saturday mornings, with a cooked breakfast.");

        using (var stopped = await staff.StopPublishingAsync(seeded.Project.Id))
        {
            stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await visitor.GetAsync(seeded.Page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task ThePage_QueryCount_DoesNotGrowWithBoundariesDecisionsPartnersOrThingsSaid()
    {
        async Task<int> QueriesAsync(int rows)
        {
            using var staff = await app.SignedInAsync();
            var ideas = new List<Guid>();
            for (var i = 0; i < rows; i++)
            {
                ideas.Add((await app.CreatePublishedIdeaAsync(staff.Organisation, $"Idea {i}", $"Published idea {i}")).Id);
            }

            var project = await app.CreateProjectAsync(staff.Organisation, "A project", [.. ideas]);
            var places = new List<Guid>();
            for (var i = 0; i < rows; i++)
            {
                var person = await app.CreatePersonAsync(staff.Organisation, name: $"Partner {i}");
                await app.RecordConsentAsync(staff.Organisation, person.Id, ConsentKind.Quoted, i % 2 == 0);
                places.Add((await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: person.Id)).Id);
                await app.AddBoundaryAsync(staff.Organisation, project.Id, i % 2 == 0 ? BoundaryKind.Open : BoundaryKind.Fixed);
                await app.AddDecisionAsync(staff.Organisation, project.Id, DecisionWay.TogetherByConsensus, [places[i]], dissent: i % 2 == 0 ? "Someone" : null);
            }

            await app.PublishProjectAsync(staff.Organisation, project.Id);
            var url = $"/p/{staff.Organisation.Slug}/projects/{project.Id}";
            // Signed in, so that it does not come from the cache.
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("#public-decision-list > li").Length.ShouldBe(rows);
            page.QuerySelectorAll("#public-team-list li").Length.ShouldBe((rows + 1) / 2 + 1);
            return app.Queries.Count;
        }

        var withTwo = await QueriesAsync(2);
        var withTwenty = await QueriesAsync(20);

        withTwenty.ShouldBe(withTwo);
    }
}
