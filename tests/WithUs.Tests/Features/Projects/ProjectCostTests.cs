namespace WithUs.Tests.Features.Projects;

/// <summary>
/// A project's pages must cost what the project holds, not how much its organisation has heard (issue 9): the same
/// project, started from three ideas, in an organisation with 20 other ideas and in one with 1,000. The region
/// benchmark found the project page reading every idea of its organisation to list the project's own (SQLite chose
/// the organisation's index of ideas over the project's once the list was sorted).
/// </summary>
public sealed class ProjectCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <param name="page">Below the project's address: its page, or "The project has delivered".</param>
    [DatabaseTheory]
    [InlineData("")]
    [InlineData("/deliver")]
    public async Task AProjectsPage_CostsTheSame_InALargerOrganisation(string page)
    {
        var (small, smallProject) = await SeedAsync(20);
        var (large, largeProject) = await SeedAsync(1000);

        var smallCost = await app.OfPageAsync(small, $"{small.Org}/projects/{smallProject}{page}");
        var largeCost = await app.OfPageAsync(large, $"{large.Org}/projects/{largeProject}{page}");

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 other ideas: {smallCost}\n1,000 other ideas: {largeCost}");
    }

    /// <summary>A project started from three ideas, in an organisation with <paramref name="others"/> other ideas.</summary>
    private async Task<(SignedIn Staff, Guid Project)> SeedAsync(int others)
    {
        var staff = await app.SignedInAsync();
        var ideas = await app.CreateContributionsAsync(staff.Organisation, 3 + others, i => $"Idea {i} about the garden");
        var project = await app.CreateProjectAsync(staff.Organisation, "The garden", [.. ideas.Take(3).Select(i => i.Id)]);
        return (staff, project.Id);
    }
}
