using WithUs.Web.Features.Voice.Similarity;
using static WithUs.Tests.Features.Voice.CaptureSteps;

namespace WithUs.Tests.Features.Voice.Similarity;

/// <summary>
/// Suggestions compare a text with vectors held in memory: what is held must follow what the database says, whether
/// the change came from this process (the embedding job, an edit) or from another node sharing the database.
/// </summary>
public sealed class OrganisationVectorsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private static readonly Dictionary<string, string?> WithModel = new() { ["Similarity:Embeddings"] = "true" };

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task HeldVectors_FollowThisProcessesSaves_NewIdeasAreSuggested_AndAnEditedTextIsNoLongerFoundByItsOldMeaning()
    {
        using var withModel = app.Fresh(WithModel);
        using var staff = await withModel.SignedInAsync();
        var dinners = await withModel.CreateContributionAsync(staff.Organisation, "Hot dinners at the lunch club would be lovely");
        await EmbeddingJobTests.EmbedAllAsync(withModel);
        // The first suggestion loads the organisation's vectors into memory.
        SuggestedIds(await SimilarAsync(staff, "could we have soup on cold days")).ShouldBe([dinners.Id]);

        var lifts = await withModel.CreateContributionAsync(staff.Organisation, "The lift is broken again and I cannot get upstairs");
        await EmbeddingJobTests.EmbedAllAsync(withModel);
        SuggestedIds(await SimilarAsync(staff, "elevator out of order, stairs are too hard for me")).ShouldBe([lifts.Id]);

        await withModel.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.Contributions.SingleAsync(c => c.Id == dinners.Id)).Text = "Please open later in the evenings";
            await db.SaveChangesAsync();
        });
        SuggestedIds(await SimilarAsync(staff, "could we have soup on cold days")).ShouldBeEmpty("the old meaning went with the old text");
        await EmbeddingJobTests.EmbedAllAsync(withModel);
        SuggestedIds(await SimilarAsync(staff, "staying open after work hours")).ShouldContain(dinners.Id);
    }

    [DatabaseFact]
    public async Task VectorsAnotherNodeSaved_AreHeldOnceTheCountIsCheckedAgain_AndNeverAnotherOrganisations()
    {
        using var withModel = app.Fresh(WithModel);
        var ours = await withModel.CreateOrganisationAsync();
        var theirs = await withModel.CreateOrganisationAsync();
        await withModel.CreateContributionAsync(ours, "Hot dinners at the lunch club would be lovely");
        await withModel.CreateContributionAsync(theirs, "Hot dinners at the lunch club would be lovely");
        await EmbeddingJobTests.EmbedAllAsync(withModel);
        var clock = new ManualClock();
        // This node's memory, apart from the app's own: the app's saves do not reach it, as another node's would not.
        var held = new OrganisationVectors(clock);

        (await CountHeldAsync(withModel, ours, held)).ShouldBe(1);
        await withModel.CreateContributionAsync(ours, "The lift is broken again");
        await EmbeddingJobTests.EmbedAllAsync(withModel);
        (await CountHeldAsync(withModel, ours, held)).ShouldBe(1, "checked again only after a while");

        clock.Advance(held.CheckEvery);
        (await CountHeldAsync(withModel, ours, held)).ShouldBe(2);
        (await CountHeldAsync(withModel, theirs, held)).ShouldBe(1);
    }

    private static Task<int> CountHeldAsync(WithUsFactory app, TestOrganisation organisation, OrganisationVectors held) =>
        app.InOrganisationAsync(organisation, async db => (await held.ForAsync(db, CancellationToken.None)).Count);

    private static List<Guid> SuggestedIds(AngleSharp.Html.Dom.IHtmlDocument fragment) =>
        fragment.QuerySelectorAll(".withus-similar__item button[name='LinkTo']").Select(b => Guid.Parse(b.GetAttribute("value")!)).ToList();
}

/// <summary>
/// SQLite plans without statistics: given (OrganisationId, Model) and the unique ContributionId index, it chose the first
/// for a suggestion's 65 best candidates and read every vector of the organisation (about 100 ms at 100,000, measured
/// by bench/WithUs.Bench). The plan must look them up by contribution.
/// </summary>
public sealed class StoredVectorPlanTests(SqliteWithUsFactory app) : IClassFixture<SqliteWithUsFactory>
{
    [Fact]
    public async Task TheBestCandidatesVectors_AreLookedUpByContribution_NotReadFromEveryVector()
    {
        var organisation = await app.CreateOrganisationAsync();

        var plan = await app.InOrganisationAsync(organisation, async db =>
        {
            var query = EmbeddingScorer.StoredVectors(db, Enumerable.Range(0, EmbeddingScorer.Candidates + 1).Select(_ => Guid.CreateVersion7()).ToList());
            await db.Database.OpenConnectionAsync();
            await using var command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            return steps;
        });

        var steps = string.Join('\n', plan);
        plan.ShouldContain(p => p.Contains("INDEX IX_ContributionVectors_", StringComparison.Ordinal) && p.Contains("ContributionId=?", StringComparison.Ordinal), steps);
        plan.ShouldNotContain(p => p.StartsWith("SCAN", StringComparison.Ordinal) && !p.Contains("json_each", StringComparison.Ordinal), steps);
    }
}
