using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>Two records of the same person made one: everything moves to the record kept, and the other goes.</summary>
public sealed class MergeTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static string Url(SignedIn staff, Guid personId) => $"{staff.Org}/people/{personId}/merge";

    private static async Task<HttpResponseMessage> MergeAsync(SignedIn staff, Guid keep, Guid other)
    {
        var page = await staff.Client.GetPageAsync($"{Url(staff, keep)}?other={other}");
        return await staff.Client.PostFormAsync(Url(staff, keep), [KeyValuePair.Create("other", other.ToString()), KeyValuePair.Create(Html.AntiforgeryField, page.AntiforgeryToken())]);
    }

    [DatabaseFact]
    public async Task Merging_MovesEverythingToTheRecordKept_AndTheOtherGoes()
    {
        using var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        var partner = await app.CreateUserAsync();
        await app.AddMembershipAsync(org, partner, OrganisationRole.Partner);
        var keep = await app.CreatePersonAsync(org, name: "Jo Bloggs");
        var other = await app.CreatePersonAsync(org, name: "Joanne B", mayContact: true, contactBy: ContactMethod.Email, email: "jo@example.org", userId: partner.Id);
        var idea = await app.CreateContributionAsync(org, "Later opening", c => c.PersonId = keep.Id);
        var said = await app.CreateContributionAsync(org, "A bench by the door", c => c.PersonId = other.Id);
        var roles = await app.AddDefaultRolesAsync(org);
        await app.GiveRoleAsync(org, other.Id, roles[3].Id, DateTime.UtcNow.AddDays(-30));
        await app.KeepEqualityAnswersAsync(org, other.Id, new Dictionary<string, string> { ["religion"] = "hindu" });
        await app.InOrganisationAsync(org, async db =>
        {
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = keep.Id, ContributionId = idea.Id, Kind = InterestKind.WantsToHear, CreatedAtUtc = DateTime.UtcNow });
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = other.Id, ContributionId = idea.Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        (await staff.Client.GetPageAsync($"{Url(staff, keep.Id)}?q=joanne")).QuerySelector("main")!.TextContent.ShouldContain("Joanne B");

        using var response = await MergeAsync(staff, keep.Id, other.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/people/{keep.Id}");
        var people = await app.InOrganisationAsync(org, db => db.People.AsNoTracking().ToListAsync());
        var kept = people.ShouldHaveSingleItem();
        (kept.Id, kept.Name, kept.UserId, kept.MayContact, kept.Email).ShouldBe((keep.Id, "Jo Bloggs", (Guid?)partner.Id, true, (string?)"jo@example.org"));
        (await app.InOrganisationAsync(org, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == said.Id))).PersonId.ShouldBe(keep.Id);
        (await app.InOrganisationAsync(org, db => db.PersonRoles.AsNoTracking().SingleAsync())).PersonId.ShouldBe(keep.Id);
        (await app.InOrganisationAsync(org, db => db.Interests.AsNoTracking().ToListAsync())).ShouldHaveSingleItem().PersonId.ShouldBe(keep.Id);
        (await app.ConsentsAsync(org, keep.Id)).Count(c => c.Kind == ConsentKind.Record).ShouldBe(2, "both histories are kept");
        var answers = await app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(org.ToEntity(), OrganisationRole.Administrator);
            var person = await services.GetRequiredService<WithUsDbContext>().People.SingleAsync();
            return await services.GetRequiredService<EqualityMonitoring>().TheirOwnAnswersAsync(person, CancellationToken.None);
        });
        answers.ShouldBe(new Dictionary<string, string> { ["religion"] = "hindu" }, "sealed again to the record kept");
        (await app.AuditEntriesAsync("PeopleMerged")).ShouldContain(e => e.EntityId == keep.Id.ToString() && !e.Details!.Contains("Joanne", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task TwoRecordsWithPartnerAccounts_AreNotMerged()
    {
        using var staff = await app.SignedInAsync();
        var first = await app.CreateUserAsync();
        var second = await app.CreateUserAsync();
        await app.AddMembershipAsync(staff.Organisation, first, OrganisationRole.Partner);
        await app.AddMembershipAsync(staff.Organisation, second, OrganisationRole.Partner);
        var keep = await app.CreatePersonAsync(staff.Organisation, userId: first.Id);
        var other = await app.CreatePersonAsync(staff.Organisation, userId: second.Id);

        using var response = await MergeAsync(staff, keep.Id, other.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Both records belong to partner accounts, so they are two people here: they cannot be merged"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.People.CountAsync())).ShouldBe(2);
    }

    [DatabaseFact]
    public async Task ARecordOfAnotherOrganisation_CannotBeMergedIn()
    {
        using var staff = await app.SignedInAsync();
        var keep = await app.CreatePersonAsync(staff.Organisation);
        var elsewhere = await app.CreateOrganisationAsync();
        var theirs = await app.CreatePersonAsync(elsewhere, name: "Someone Elsewhere");

        using var page = await staff.Client.GetAsync(new Uri($"{Url(staff, keep.Id)}?other={theirs.Id}", UriKind.Relative));
        var form = await staff.Client.GetPageAsync(Url(staff, keep.Id));
        using var post = await staff.Client.PostFormAsync(Url(staff, keep.Id), [KeyValuePair.Create("other", theirs.Id.ToString()), KeyValuePair.Create(Html.AntiforgeryField, form.AntiforgeryToken())]);

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(elsewhere, db => db.People.CountAsync())).ShouldBe(1, "nothing of theirs moved or went");
    }
}
