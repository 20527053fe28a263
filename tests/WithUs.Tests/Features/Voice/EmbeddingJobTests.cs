using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;
using static WithUs.Tests.Features.Voice.CaptureSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// Similar ideas by meaning: the background job gives contributions their sentence vectors, suggestions then include ideas that share no word; with the model turned off everything works by words.
/// </summary>
public sealed class EmbeddingJobTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private static readonly Dictionary<string, string?> WithModel = new() { ["Similarity:Embeddings"] = "true" };

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Job_GivesEveryContributionAVector_ThenSimilarIdeasIncludeOnesThatShareNoWord()
    {
        using var withModel = app.Fresh(WithModel);
        using var staff = await withModel.SignedInAsync();
        var dinners = await withModel.CreateContributionAsync(staff.Organisation, "Hot dinners at the lunch club would be lovely");
        await withModel.CreateContributionAsync(staff.Organisation, "Please open later in the evenings for people who work");

        await EmbedAllAsync(withModel);

        await withModel.InOrganisationAsync(staff.Organisation, async db =>
        {
            var vectors = await db.ContributionVectors.ToListAsync();
            vectors.Count.ShouldBe(2);
            vectors.ShouldAllBe(v => v.Model == SentenceModel.Name && v.Vector.Length == SentenceModel.Dimensions * sizeof(float));
        });
        var fragment = await SimilarAsync(staff, "could we have soup on cold days");
        var items = fragment.QuerySelectorAll(".withus-similar__item");
        items.Length.ShouldBe(1, fragment.Body!.InnerHtml);
        items[0].QuerySelector($"button[name='LinkTo']")!.GetAttribute("value").ShouldBe(dinners.Id.ToString());
        items[0].QuerySelectorAll("mark").ShouldBeEmpty("no word in common: found by meaning");

        (await JobsPageSaysAsync(withModel, staff.Organisation)).ShouldContain("Every contribution has a sentence vector.");
    }

    [DatabaseFact]
    public async Task EditingAText_DropsItsVector_UntilTheJobMakesItAgain()
    {
        using var withModel = app.Fresh(WithModel);
        var organisation = await withModel.CreateOrganisationAsync();
        var contribution = await withModel.CreateContributionAsync(organisation, "Hot dinners at the lunch club would be lovely");
        await EmbedAllAsync(withModel);
        var first = await VectorAsync(withModel, organisation);

        await withModel.InOrganisationAsync(organisation, async db =>
        {
            (await db.Contributions.SingleAsync(c => c.Id == contribution.Id)).Text = "Please open later in the evenings";
            await db.SaveChangesAsync();
        });
        await EmbedAllAsync(withModel);

        var second = await VectorAsync(withModel, organisation);
        second.ShouldNotBeNull();
        second.ShouldNotBe(first, "the edited text has a vector of its own");
    }

    [DatabaseFact]
    public async Task WithTheModelTurnedOff_SimilarIdeasAreFoundByWords_NoVectorsAreMade_AndTheJobsPageSaysSo()
    {
        using var staff = await app.SignedInAsync();
        var dinners = await app.CreateContributionAsync(staff.Organisation, "Hot dinners at the lunch club would be lovely");

        var outcome = await app.Services.GetRequiredService<JobRunner>().RunIfDueAsync(EmbeddingJob.JobName, force: true, CancellationToken.None);

        outcome.Kind.ShouldBe(JobOutcomeKind.Succeeded);
        (await SimilarAsync(staff, "could we have soup on cold days")).QuerySelectorAll(".withus-similar__item").ShouldBeEmpty();
        var byWords = (await SimilarAsync(staff, "hot dinners please")).QuerySelectorAll(".withus-similar__item");
        byWords.Length.ShouldBe(1);
        byWords[0].QuerySelector($"button[name='LinkTo']")!.GetAttribute("value").ShouldBe(dinners.Id.ToString());
        await app.InOrganisationAsync(staff.Organisation, async db => (await db.ContributionVectors.CountAsync()).ShouldBe(0));

        (await JobsPageSaysAsync(app, staff.Organisation)).ShouldContain("similar ideas are found by their words only");
    }

    /// <summary>What /installation/jobs says about the embedding job, as an operator of the installation sees it.</summary>
    private static async Task<string> JobsPageSaysAsync(WithUsFactory app, TestOrganisation organisation)
    {
        var operatorUser = await app.CreateUserAsync(twoFactor: true, isOperator: true);
        await app.AddMembershipAsync(organisation, operatorUser, OrganisationRole.Administrator);
        using var client = app.CreateBrowser();
        await client.SignInAsync(operatorUser);
        return (await client.GetPageAsync("/installation/jobs")).QuerySelector($"#job-{EmbeddingJob.JobName}")!.TextContent;
    }

    /// <summary>Runs the job until nothing waits: a save also wakes it in the background, which may hold it a moment.</summary>
    internal static async Task EmbedAllAsync(WithUsFactory app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var outcome = await runner.RunIfDueAsync(EmbeddingJob.JobName, force: true, CancellationToken.None);
            if (outcome.Kind == JobOutcomeKind.Succeeded && await WaitingAsync(app) == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{await WaitingAsync(app)} contributions still have no vector");
    }

    private static Task<int> WaitingAsync(WithUsFactory app) =>
        app.InScopeAsync(services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            return db.Contributions.IgnoreQueryFilters()
                .CountAsync(c => !db.ContributionVectors.IgnoreQueryFilters().Any(v => v.ContributionId == c.Id && v.Model == SentenceModel.Name));
        });

    private static Task<byte[]?> VectorAsync(WithUsFactory app, TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.ContributionVectors.Select(v => v.Vector).SingleOrDefaultAsync());
}
