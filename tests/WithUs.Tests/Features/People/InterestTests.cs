using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

public sealed class InterestTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Post_Twice_UpdatesTheKindInsteadOfAddingAnother()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Ida");
        var idea = await app.CreateContributionAsync(staff.Organisation, "A women's football club");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);
        var url = $"{staff.Org}/voice/{meToo.Id}/interest";

        using var first = await staff.PostPageAsync(url, new() { ["Input.PersonId"] = person.Id.ToString(), ["Input.Kind"] = "WantsToHear" });
        using var second = await staff.PostPageAsync(url, new() { ["Input.PersonId"] = person.Id.ToString(), ["Input.Kind"] = "WouldTakePart" });

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Location().ShouldBe($"{staff.Org}/voice/{meToo.Id}");
        var interest = (await app.InOrganisationAsync(staff.Organisation, db => db.Interests.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        (interest.PersonId, interest.ContributionId, interest.Kind).ShouldBe((person.Id, (Guid?)idea.Id, InterestKind.WouldTakePart));
    }

    [DatabaseFact]
    public async Task Post_WithoutAChoiceOrWithSomeoneFromAnotherOrganisation_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        await app.CreatePersonAsync(staff.Organisation);
        var stranger = await app.CreatePersonAsync(await app.CreateOrganisationAsync());
        var idea = await app.CreateContributionAsync(staff.Organisation, "A repair café");
        var url = $"{staff.Org}/voice/{idea.Id}/interest";

        using var empty = await staff.PostPageAsync(url, new() { ["Input.PersonId"] = "" });
        using var foreign = await staff.PostPageAsync(url, new() { ["Input.PersonId"] = stranger.Id.ToString(), ["Input.Kind"] = "WantsToHear" });

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose who is interested", "Choose whether they would take part or want to hear about it"]);
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose someone from the list"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.Interests.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task Post_ThirtyAtOnce_KeepsOneInterestAndAnswersEveryOneAsSuccess()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Ida");
        var idea = await app.CreateContributionAsync(staff.Organisation, "A women's football club");
        var url = $"{staff.Org}/voice/{idea.Id}/interest";
        var form = await staff.Client.GetPageAsync(url);
        var values = new Dictionary<string, string> { ["Input.PersonId"] = person.Id.ToString(), ["Input.Kind"] = "WantsToHear" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => staff.Client.SubmitAsync(form, url, values)));
        using var later = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string>(values) { ["Input.Kind"] = "WouldTakePart" });

        answers.Select(a => ((int)a.StatusCode, a.Headers.Location?.OriginalString)).Distinct()
            .ShouldBe([(302, $"{staff.Org}/voice/{idea.Id}")], "every one of them is told it was recorded");
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a later change still works");
        var interest = (await app.InOrganisationAsync(staff.Organisation, db => db.Interests.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        interest.Kind.ShouldBe(InterestKind.WouldTakePart);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
