using WithUs.Web.Features.Projects;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/BoundaryNew, Boundary and Boundaries: what is open and fixed, changed only with why, its history kept.</summary>
public sealed class BoundaryTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task AFixedBoundaryWithItsReason_AndAnOpenOne_ShowOnTheProjectPage()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var url = $"{staff.Org}/projects/{project.Id}/boundaries/new";

        using var fixedOne = await staff.PostPageAsync(url, new()
        {
            ["Input.Text"] = "It closes by 2pm",
            ["Input.Kind"] = "Fixed",
            ["Input.Reason"] = "Budget",
            ["Input.ReasonText"] = "The grant pays for one morning of staff time.",
        });
        using var openOne = await staff.PostPageAsync(url, new() { ["Input.Text"] = "What we offer on the morning", ["Input.Kind"] = "Open", ["Input.Reason"] = "Law", ["Input.ReasonText"] = "ignored" });

        fixedOne.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fixedOne.Location().ShouldBe($"{staff.Org}/projects/{project.Id}#boundaries");
        openOne.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}");
        page.QuerySelector("#boundaries-fixed")!.TextContent.ShouldContain("It closes by 2pm. Why: The budget: The grant pays for one morning of staff time.");
        page.QuerySelector("#boundaries-open")!.TextContent.ShouldContain("What we offer on the morning");
        page.QuerySelector("#no-boundaries").ShouldBeNull();
        var open = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Boundary>().AsNoTracking().SingleAsync(b => b.Kind == BoundaryKind.Open));
        (open.Reason, open.ReasonText, open.AddedByUserId).ShouldBe((null, null, (Guid?)staff.User.Id), "an open boundary keeps no reason");
    }

    [DatabaseTheory]
    [InlineData("", "", "", "", "Say what is open or fixed, for example: which day of the weekend it opens|Choose whether it is open for the group to decide or fixed")]
    [InlineData("It closes by 2pm", "Fixed", "", "", "Choose what fixes it|Say why it is fixed, in plain words, so people understand")]
    [InlineData("It closes by 2pm", "Sideways", "", "", "Choose whether it is open for the group to decide or fixed")]
    [InlineData("It closes by 2pm", "Fixed", "99", "Money", "Choose what fixes it")]
    public async Task ABadBoundary_IsRefusedWithClearMessages_AndNothingIsKept(string text, string kind, string reason, string why, string messages)
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{project.Id}/boundaries/new", new()
        {
            ["Input.Text"] = text,
            ["Input.Kind"] = kind,
            ["Input.Reason"] = reason,
            ["Input.ReasonText"] = why,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().Order().ShouldBe(messages.Split('|').Order());
        page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe(text);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<Boundary>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task AChange_NeedsWhy_KeepsWhatItSaidBefore_AndTheHistoryShowsWhoAndWhy()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var boundary = await app.AddBoundaryAsync(staff.Organisation, project.Id, BoundaryKind.Fixed, "It closes by 2pm", BoundaryReason.Budget, "One morning is paid for.");
        var url = $"{staff.Org}/projects/{project.Id}/boundaries/{boundary.Id}";

        using var withoutWhy = await staff.PostPageAsync(url, new() { ["Input.Text"] = "It closes by 3pm" });
        withoutWhy.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withoutWhy.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say why it is changing: everyone who was told before will see it"]);
        using var unchanged = await staff.PostPageAsync(url, new() { ["Input.Why"] = "No reason" });
        (await unchanged.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Nothing has changed. Change what it says, or go back"]);

        using var changed = await staff.PostPageAsync(url, new() { ["Input.Text"] = "It closes by 3pm", ["Input.Why"] = "The funder agreed an extra hour." });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var versions = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Boundary>().AsNoTracking().OrderBy(b => b.AddedAtUtc).ToListAsync());
        versions.Count.ShouldBe(2);
        (versions[0].Text, versions[0].EndedAtUtc is not null, versions[0].EndedByUserId).ShouldBe(("It closes by 2pm", true, (Guid?)staff.User.Id));
        (versions[1].Text, versions[1].ReplacesId, versions[1].ChangeWhy, versions[1].Reason).ShouldBe(
            ("It closes by 3pm", (Guid?)boundary.Id, "The funder agreed an extra hour.", (BoundaryReason?)BoundaryReason.Budget));
        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}");
        page.QuerySelector("#boundaries-fixed")!.TextContent.ShouldNotContain("2pm");
        var history = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}/boundaries");
        var latest = history.QuerySelector("#boundary-history li")!.TextContent;
        latest.ShouldContain("Changed");
        var name = await app.InOrganisationAsync(staff.Organisation, db => db.Users.Where(u => u.Id == staff.User.Id).Select(u => u.DisplayName).SingleAsync());
        latest.ShouldContain($"by {name}");
        latest.ShouldContain("Before: Fixed: It closes by 2pm");
        latest.ShouldContain("After: Fixed: It closes by 3pm");
        latest.ShouldContain("Why: The funder agreed an extra hour.");

        // The old version can no longer be changed: it sends the person to what happened to it.
        using var stale = await staff.Client.GetAsync(url);
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Location().ShouldBe($"{staff.Org}/projects/{project.Id}/boundaries");
    }

    [DatabaseFact]
    public async Task ChangedTwiceAtOnce_MakesOneChange()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);
        var boundary = await app.AddBoundaryAsync(staff.Organisation, project.Id, BoundaryKind.Open, "Which day it opens");
        var url = $"{staff.Org}/projects/{project.Id}/boundaries/{boundary.Id}";
        var form = await staff.Client.GetPageAsync(url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            staff.Client.SubmitAsync(form, url, new Dictionary<string, string> { ["Input.Text"] = $"Which days it opens ({i})", ["Input.Why"] = "Two days now" })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        var versions = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Boundary>().AsNoTracking().ToListAsync());
        versions.Count.ShouldBe(2);
        versions.Count(v => v.EndedAtUtc == null).ShouldBe(1);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [DatabaseFact]
    public async Task Removing_NeedsWhy_AndTheHistoryKeepsIt()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);
        var boundary = await app.AddBoundaryAsync(staff.Organisation, project.Id, BoundaryKind.Open, "Which day it opens");
        var url = $"{staff.Org}/projects/{project.Id}/boundaries/{boundary.Id}";
        var form = await staff.Client.GetPageAsync(url);
        var removeForm = form.QuerySelectorAll("main form[method='post']")[1];

        using var withoutWhy = await staff.Client.PostFormAsync(removeForm.GetAttribute("action")!, removeForm.Fields());
        withoutWhy.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withoutWhy.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say why it no longer stands: everyone who was told before will see it"]);

        using var removed = await staff.Client.PostFormAsync(removeForm.GetAttribute("action")!,
            [.. removeForm.Fields().Where(f => f.Key != "RemoveWhy"), new("RemoveWhy", "The group chose Saturday, so it is settled.")]);

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Boundary>().AsNoTracking().SingleAsync());
        (kept.EndedAtUtc is not null, kept.EndedWhy).ShouldBe((true, "The group chose Saturday, so it is settled."));
        var history = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}/boundaries");
        history.QuerySelector("#boundary-history li")!.TextContent.ShouldContain("Why: The group chose Saturday, so it is settled.");
    }

    [DatabaseFact]
    public async Task ABoundaryOfAnotherProject_IsNotFoundUnderThisOne()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);
        var other = await app.CreateProjectAsync(staff.Organisation);
        var boundary = await app.AddBoundaryAsync(staff.Organisation, other.Id);

        using var response = await staff.Client.GetAsync($"{staff.Org}/projects/{project.Id}/boundaries/{boundary.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
