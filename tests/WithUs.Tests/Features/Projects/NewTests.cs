using WithUs.Web.Features.Projects;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/New: start a project from scratch, from an idea (and others like it), or from a theme.</summary>
public sealed class NewTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task FromScratch_MakesTheProjectWithItsFourPhases_FirstUnderWay_AndAuditsIt()
    {
        using var staff = await app.SignedInAsync();

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/new", new()
        {
            ["Input.Title"] = "  Saturday opening ",
            ["Input.Purpose"] = "Open the drop-in on Saturdays, with the people who would come.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var project = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().AsNoTracking().Include(p => p.Phases).SingleAsync());
        response.Location().ShouldBe($"{staff.Org}/projects/{project.Id}");
        (project.Title, project.Purpose, project.CreatedByUserId).ShouldBe(("Saturday opening", "Open the drop-in on Saturdays, with the people who would come.", (Guid?)staff.User.Id));
        project.Phases.OrderBy(p => p.Phase).Select(p => (p.Phase, p.Status)).ShouldBe([
            (CoPhase.Commissioning, PhaseStatus.UnderWay), (CoPhase.Design, PhaseStatus.NotStarted),
            (CoPhase.Delivery, PhaseStatus.NotStarted), (CoPhase.Assessment, PhaseStatus.NotStarted)]);
        (await app.AuditEntriesAsync("ProjectStarted")).ShouldContain(e => e.OrganisationId == staff.Organisation.Id && e.ActorUserId == staff.User.Id);

        var page = await staff.Client.GetPageAsync(response.Location());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Saturday opening");
        page.QuerySelector("#phase-commissioning")!.ClassList.ShouldContain("withus-phases__phase--now");
        page.QuerySelector("#no-boundaries")!.TextContent.ShouldContain("Say it before you ask anyone to join");
    }

    [DatabaseFact]
    public async Task FromAnIdea_OffersItTickedAndOthersLikeIt_AndMakesTheTickedOnesPartOfIt_OwedAReplyWithAHistory()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, mayContact: true, contactBy: Web.Features.People.ContactMethod.Email, email: "kasia@example.org");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Open the drop-in on Saturdays please", c => c.PersonId = person.Id);
        var like = await app.CreateContributionAsync(staff.Organisation, "Saturdays are long, could the drop-in open then?");
        var unrelated = await app.CreateContributionAsync(staff.Organisation, "Better biscuits");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);
        var url = $"{staff.Org}/projects/new?contributionId={meToo.Id}";

        var form = await staff.Client.GetPageAsync(url);
        form.QuerySelector($"input[name='Selected'][value='{idea.Id}']")!.HasAttribute("checked").ShouldBeTrue("a me-too starts from its idea");
        form.QuerySelector($"input[name='Selected'][value='{like.Id}']")!.HasAttribute("checked").ShouldBeFalse();
        form.QuerySelector($"input[name='Selected'][value='{unrelated.Id}']").ShouldBeNull();
        form.FieldValue("Input.Title").ShouldBe("Open the drop-in on Saturdays please");

        using var response = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string> { ["Input.Title"] = "Saturday opening", ["TellThem"] = "It is part of our Saturday project now." },
            [("Selected", idea.Id.ToString()), ("Selected", like.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (saved, history) = await app.InOrganisationAsync(staff.Organisation, async db =>
            (await db.Contributions.AsNoTracking().Where(c => c.LinkedToId == null && c.Id != unrelated.Id).ToListAsync(),
             await db.Set<ContributionOutcome>().AsNoTracking().ToListAsync()));
        var projectId = saved[0].ProjectId;
        projectId.ShouldNotBeNull();
        saved.ShouldAllBe(c => c.ProjectId == projectId && c.Outcome == OutcomeStatus.PartOfProject
            && c.OutcomeExplanation == "It is part of our Saturday project now." && c.OutcomeAtUtc != null);
        history.Select(h => (h.ContributionId, h.Outcome, h.ProjectId, h.ByUserId)).OrderBy(h => h.ContributionId).ShouldBe(
            new[] { idea.Id, like.Id }.Order().Select(id => (id, OutcomeStatus.PartOfProject, projectId, (Guid?)staff.User.Id)));

        var owed = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");
        owed.Body!.TextContent.ShouldContain("Open the drop-in on Saturdays please");
        var details = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}");
        details.QuerySelector("#project a")!.TextContent.ShouldBe("Saturday opening");
        details.QuerySelector("#start-project").ShouldBeNull("it is part of one now");
    }

    [DatabaseFact]
    public async Task FromATheme_OffersItsOpenIdeasTicked_NotThoseDoneOrInAnotherProject()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Weekends");
        var open = await app.CreateContributionAsync(staff.Organisation, "Saturday opening");
        var done = await app.CreateContributionAsync(staff.Organisation, "Sunday lunch", c => { c.Outcome = OutcomeStatus.Done; c.OutcomeAtUtc = DateTime.UtcNow; });
        var taken = await app.CreateContributionAsync(staff.Organisation, "Weekend football");
        var elsewhere = await app.CreateContributionAsync(staff.Organisation, "Saturday breakfast");
        foreach (var c in new[] { open, done, taken })
        {
            await app.AddThemeAsync(staff.Organisation, c.Id, theme.Id);
        }

        await app.CreateProjectAsync(staff.Organisation, "Football", taken.Id);

        var form = await staff.Client.GetPageAsync($"{staff.Org}/projects/new?themeId={theme.Id}");

        form.QuerySelectorAll("input[name='Selected']").Select(i => (i.GetAttribute("value"), i.HasAttribute("checked")))
            .ShouldBe([(open.Id.ToString(), true)]);
        form.FieldValue("Input.Title").ShouldBe("Weekends");
        form.QuerySelector($"input[value='{elsewhere.Id}']").ShouldBeNull();
        using var response = await staff.Client.SubmitAsync(form, $"{staff.Org}/projects/new?themeId={theme.Id}", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var project = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().AsNoTracking().SingleAsync(p => p.Title == "Weekends"));
        project.ThemeId.ShouldBe(theme.Id);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == open.Id))).ProjectId.ShouldBe(project.Id);
    }

    [DatabaseTheory]
    [InlineData("", "Enter a name for the project")]
    [InlineData("Bell\u0007", "The name can only have letters, numbers, spaces and punctuation")]
    public async Task ABadName_IsRefusedWithAClearMessage_AndNothingIsSaved(string title, string message)
    {
        using var staff = await app.SignedInAsync();

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/new", new() { ["Input.Title"] = title });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task ANameAlreadyUsed_WhateverItsCapitals_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        await app.CreateProjectAsync(staff.Organisation, "Saturday opening");

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/new", new() { ["Input.Title"] = "saturday OPENING" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["There is already a project called \"saturday OPENING\". Choose a different name"]);
    }

    [DatabaseFact]
    public async Task AnIdeaAlreadyInAnotherProject_IsRefused_AndNothingChanges()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bike repair morning");
        var first = await app.CreateProjectAsync(staff.Organisation, "Bikes", idea.Id);

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/new", new() { ["Input.Title"] = "Repairs", ["TellThem"] = "It is part of a project." },
            [("Selected", idea.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["\"A bike repair morning\" is already part of another project. Untick it"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().CountAsync())).ShouldBe(1);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == idea.Id))).ProjectId.ShouldBe(first.Id);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsIdeaOrTheme_IsNotFound_AndCannotBeMadePartOfAProject()
    {
        using var staff = await app.SignedInAsync();
        var other = await app.CreateOrganisationAsync();
        var theirs = await app.CreateContributionAsync(other, "Their idea");
        var theirTheme = await app.CreateThemeAsync(other);

        (await staff.Client.GetAsync($"{staff.Org}/projects/new?contributionId={theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.Client.GetAsync($"{staff.Org}/projects/new?themeId={theirTheme.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var response = await staff.PostPageAsync($"{staff.Org}/projects/new", new() { ["Input.Title"] = "Taking theirs" },
            [("Selected", theirs.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.InOrganisationAsync(other, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == theirs.Id))).ProjectId.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task StartedTwiceAtOnce_WithOneName_MakesOneProject()
    {
        using var staff = await app.SignedInAsync();
        var url = $"{staff.Org}/projects/new";
        var form = await staff.Client.GetPageAsync(url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            staff.Client.SubmitAsync(form, url, new Dictionary<string, string> { ["Input.Title"] = "Garden" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBeGreaterThanOrEqualTo(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.BadRequest);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().CountAsync())).ShouldBe(1);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [DatabaseFact]
    public async Task APartner_IsRefused()
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);

        using var response = await partner.Client.GetAsync($"{partner.Org}/projects/new");

        response.ShouldBeRefused();
    }
}
