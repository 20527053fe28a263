using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/Team: the team with their roles, what they give and what partners need; and the ground rules made together.</summary>
public sealed class TeamTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task AddPartner_OffersThoseClosestToTheProject_AndShowsTheirNeedsToTheOrganiser()
    {
        using var staff = await app.SignedInAsync();
        var kasia = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak");
        var jonno = await app.CreatePersonAsync(staff.Organisation, name: "Jonno Price");
        var stranger = await app.CreatePersonAsync(staff.Organisation, name: "Someone Unrelated");
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            var p = await db.People.SingleAsync(x => x.Id == kasia.Id);
            p.AccessNeeds = AccessNeed.StepFreeAccess | AccessNeed.Interpreter;
            p.InterpreterLanguage = "Polish";
            await db.SaveChangesAsync();
        });
        var idea = await app.CreateContributionAsync(staff.Organisation, "Open on Saturdays", c => c.PersonId = kasia.Id);
        await app.CreateContributionAsync(staff.Organisation, "Me too", c => { c.PersonId = jonno.Id; c.LinkedToId = idea.Id; });
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturdays", idea.Id);
        var url = $"{staff.Org}/projects/{project.Id}/team/add-partner";

        var form = await staff.Client.GetPageAsync(url);
        form.QuerySelectorAll("input[name='PersonId']").Select(i => i.GetAttribute("value")).ShouldBe([jonno.Id.ToString(), kasia.Id.ToString()]);
        form.QuerySelector($"#PersonId-{kasia.Id}-hint, #PersonId-hint")!.TextContent.ShouldContain("Interpreter (Polish)");
        (await staff.Client.GetPageAsync($"{url}?q=unrel")).QuerySelectorAll("input[name='PersonId']").Select(i => i.GetAttribute("value"))
            .ShouldBe([stranger.Id.ToString()]);

        using var added = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["PersonId"] = kasia.Id.ToString(),
            ["Input.Role"] = "other",
            ["Input.OtherRole"] = "Welcome host",
            ["Input.Gives"] = "Saturday mornings, once a month",
        });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.Location().ShouldBe($"{staff.Org}/projects/{project.Id}/team");
        var team = await staff.Client.GetPageAsync(added.Location());
        var row = team.QuerySelector("#team tbody tr")!.TextContent;
        row.ShouldContain("Kasia Nowak");
        row.ShouldContain("Welcome host");
        row.ShouldContain("Saturday mornings, once a month");
        row.ShouldContain("Step-free access");
        row.ShouldContain("Interpreter (Polish)");
        var member = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().AsNoTracking().SingleAsync());
        (member.PersonId, member.UserId, member.AddedByUserId).ShouldBe(((Guid?)kasia.Id, null, (Guid?)staff.User.Id));
        (await staff.Client.GetPageAsync(url)).QuerySelector($"input[value='{kasia.Id}']").ShouldBeNull("she is in the team now");
    }

    [DatabaseFact]
    public async Task AddingTheSamePartnerAtOnce_MakesOneMembership()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Dev Sharma");
        var project = await app.CreateProjectAsync(staff.Organisation);
        var url = $"{staff.Org}/projects/{project.Id}/team/add-partner?q=dev";
        var form = await staff.Client.GetPageAsync(url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            staff.Client.SubmitAsync(form, url, new Dictionary<string, string> { ["PersonId"] = person.Id.ToString(), ["Input.Role"] = "Co-designer" })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().CountAsync())).ShouldBe(1);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [DatabaseTheory]
    [InlineData("", "", "Choose their role in the project")]
    [InlineData("Boss", "", "Choose their role in the project")]
    [InlineData("other", "", "Say what their role is")]
    public async Task ABadRole_IsRefused_AndNobodyIsAdded(string role, string other, string message)
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Dev Sharma");
        var project = await app.CreateProjectAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{project.Id}/team/add-partner?q=dev", new()
        {
            ["PersonId"] = person.Id.ToString(),
            ["Input.Role"] = role,
            ["Input.OtherRole"] = other,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsPerson_CannotBeAdded()
    {
        using var staff = await app.SignedInAsync();
        var other = await app.CreateOrganisationAsync();
        var theirs = await app.CreatePersonAsync(other, name: "Dev Sharma");
        await app.CreatePersonAsync(staff.Organisation, name: "Dev Ours");
        var project = await app.CreateProjectAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{project.Id}/team/add-partner?q=dev", new()
        {
            ["PersonId"] = theirs.Id.ToString(),
            ["Input.Role"] = "Co-designer",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose who to add"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task AddStaff_OffersOnlyStaffNotInTheTeam_AndAChangeAndLeavingAreKept()
    {
        using var staff = await app.SignedInAsync();
        var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var project = await app.CreateProjectAsync(staff.Organisation);
        var url = $"{staff.Org}/projects/{project.Id}/team/add-staff";

        var form = await staff.Client.GetPageAsync(url);
        form.QuerySelectorAll("input[name='StaffUserId']").Select(i => i.GetAttribute("value")).ShouldBe([staff.User.Id.ToString()]);
        using var added = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string>());
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var partnerAsStaff = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string> { ["StaffUserId"] = partner.User.Id.ToString() });
        partnerAsStaff.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a partner's account is not staff");
        var member = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().AsNoTracking().SingleAsync());
        (member.UserId, member.Role).ShouldBe(((Guid?)staff.User.Id, "Staff lead"));

        var memberUrl = $"{staff.Org}/projects/{project.Id}/team/{member.Id}";
        using var changed = await staff.PostPageAsync(memberUrl, new() { ["Input.Role"] = "Chair", ["Input.Gives"] = "Chairing" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await staff.Client.GetPageAsync(memberUrl);
        var leave = page.QuerySelectorAll("main form[method='post']")[1];
        using var left = await staff.Client.PostFormAsync(leave.GetAttribute("action")!, leave.Fields());
        left.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().AsNoTracking().SingleAsync());
        (kept.Role, kept.Gives, kept.LeftAtUtc is not null).ShouldBe(("Chair", "Chairing", true));
        var team = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}/team");
        team.QuerySelector("#team-left")!.TextContent.ShouldContain("Chair");
        (await staff.Client.GetAsync(memberUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "someone who left is changed no more");
        (await staff.Client.GetPageAsync(url)).QuerySelectorAll("input[name='StaffUserId']").Length.ShouldBe(1, "who left can join again");
    }

    [DatabaseFact]
    public async Task GroundRules_AreDraftedFromASafeSpaceStarter_AgreedByEach_AndARevisionAsksEveryoneAgain()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);
        var kasia = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak");
        var dev = await app.CreatePersonAsync(staff.Organisation, name: "Dev Sharma");
        var kasiaMember = await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: kasia.Id);
        var devMember = await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: dev.Id);
        var url = $"{staff.Org}/projects/{project.Id}/ground-rules";

        var draft = await staff.Client.GetPageAsync(url);
        draft.QuerySelector("textarea[name='Text']")!.TextContent.ShouldContain("What is shared here stays here");
        using var drafted = await staff.Client.SubmitAsync(draft, url, new Dictionary<string, string>());
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await staff.Client.GetPageAsync(url);
        var agree = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action")?.Contains($"teamMemberId={kasiaMember.Id}", StringComparison.Ordinal) == true);
        using var agreed = await staff.Client.PostFormAsync(agree.GetAttribute("action")!, agree.Fields());
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await staff.Client.PostFormAsync(agree.GetAttribute("action")!, agree.Fields());
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect, "agreeing twice is agreeing once");
        page = await staff.Client.GetPageAsync(url);
        page.QuerySelector("#agreements")!.TextContent.ShouldContain("Agreed");
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<GroundRulesAgreed>().CountAsync())).ShouldBe(1);
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}")).QuerySelector("#team")!.NextElementSibling!.NextElementSibling!
            .TextContent.ShouldContain("Ground rules: 1 of 2 agreed");

        var forms = page.QuerySelectorAll("main form");
        var reviseForm = forms[forms.Length - 1];
        using var noWhy = await staff.Client.PostFormAsync(url, [.. reviseForm.Fields().Where(f => f.Key != "Text"), new("Text", "We listen. Phones on silent.")]);
        noWhy.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noWhy.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say what changed, so everyone who agreed before can see"]);
        using var revised = await staff.Client.PostFormAsync(url,
            [.. reviseForm.Fields().Where(f => f.Key is not ("Text" or "WhatChanged")), new("Text", "We listen. Phones on silent."), new("WhatChanged", "Phones on silent")]);
        revised.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = await staff.Client.GetPageAsync(url);
        page.QuerySelector("#version")!.TextContent.ShouldContain("Version 2");
        page.QuerySelector("#version")!.TextContent.ShouldContain("What changed: Phones on silent");
        var statuses = page.QuerySelectorAll("#agreements li").Select(li => li.TextContent).ToList();
        statuses.Single(s => s.Contains("Kasia Nowak", StringComparison.Ordinal)).ShouldContain("agreed version 1");
        statuses.ShouldAllBe(s => s.Contains("Not yet"));
        _ = devMember;
    }

    [DatabaseFact]
    public async Task AgreeingForSomeoneNotInTheTeam_IsNotFound()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);
        var other = await app.CreateProjectAsync(staff.Organisation);
        var person = await app.CreatePersonAsync(staff.Organisation);
        var elsewhere = await app.AddTeamMemberAsync(staff.Organisation, other.Id, personId: person.Id);
        await app.AddGroundRulesAsync(staff.Organisation, project.Id);
        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}/ground-rules");

        using var response = await staff.Client.PostFormAsync($"{staff.Org}/projects/{project.Id}/ground-rules?handler=Agree&teamMemberId={elsewhere.Id}",
            [new(Html.AntiforgeryField, page.AntiforgeryToken())]);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Set<GroundRulesAgreed>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task ErasingAPartner_TakesThemOutOfEveryTeam()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var project = await app.CreateProjectAsync(admin.Organisation);
        var person = await app.CreatePersonAsync(admin.Organisation, name: "Leaving Person");
        var member = await app.AddTeamMemberAsync(admin.Organisation, project.Id, personId: person.Id);
        await app.AddGroundRulesAsync(admin.Organisation, project.Id, agreedBy: member.Id);

        await app.InScopeAsync(async services =>
        {
            var org = await services.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Id == admin.Organisation.Id);
            services.GetRequiredService<TenantContext>().Set(org, OrganisationRole.Administrator);
            var db = services.GetRequiredService<WithUsDbContext>();
            await services.GetRequiredService<PersonErasure>().EraseAsync(await db.People.SingleAsync(p => p.Id == person.Id), CancellationToken.None);
            return 0;
        });

        (await app.InOrganisationAsync(admin.Organisation, db => db.Set<ProjectMember>().CountAsync())).ShouldBe(0);
        (await app.InOrganisationAsync(admin.Organisation, db => db.Set<GroundRulesAgreed>().CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task MergingTwoRecordsOfAPerson_MovesTheirPlacesInTeams_AndOneInBothTeamsBecomesAPastPlace()
    {
        using var staff = await app.SignedInAsync();
        var shared = await app.CreateProjectAsync(staff.Organisation, "Both in it");
        var only = await app.CreateProjectAsync(staff.Organisation, "Only the other");
        var keep = await app.CreatePersonAsync(staff.Organisation, name: "Jo Smith");
        var other = await app.CreatePersonAsync(staff.Organisation, name: "Joanne Smith");
        await app.AddTeamMemberAsync(staff.Organisation, shared.Id, personId: keep.Id);
        await app.AddTeamMemberAsync(staff.Organisation, shared.Id, personId: other.Id, role: "Host");
        await app.AddTeamMemberAsync(staff.Organisation, only.Id, personId: other.Id);

        var url = $"{staff.Org}/people/{keep.Id}/merge";
        var page = await staff.Client.GetPageAsync($"{url}?other={other.Id}");
        using var merged = await staff.Client.PostFormAsync(url, [KeyValuePair.Create("other", other.Id.ToString()), KeyValuePair.Create(Html.AntiforgeryField, page.AntiforgeryToken())]);

        merged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var places = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectMember>().AsNoTracking().ToListAsync());
        places.ShouldAllBe(m => m.PersonId == keep.Id);
        places.Count(m => m.ProjectId == shared.Id && m.LeftAtUtc == null).ShouldBe(1);
        places.Count(m => m.ProjectId == only.Id && m.LeftAtUtc == null).ShouldBe(1);
    }
}
