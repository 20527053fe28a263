namespace WithUs.Tests.Harness;

/// <summary>What one page costs the database to read (<see cref="ReadCost"/>), as a signed-in person opens it.</summary>
public static class PageCost
{
    /// <summary>The second of two requests: the first fills what the app keeps between requests, as a live one would have.</summary>
    public static async Task<ReadCost> OfPageAsync(this WithUsFactory app, SignedIn who, string path)
    {
        var url = new Uri(path, UriKind.Relative);
        (await who.Client.GetAsync(url)).Dispose();
        return await ReadCost.OfAsync(app, async () =>
        {
            using var response = await who.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        });
    }
}
