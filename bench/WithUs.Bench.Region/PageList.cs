namespace WithUs.Bench.Region;

/// <summary>One line of bench/pages.txt.</summary>
/// <param name="Form">For a POST: its fields as "name=value" (placeholders unfilled), or null.</param>
public sealed record BenchPage(string Name, string Method, string Address, string? Form, bool SignedIn)
{
    /// <summary>The address without its query string, which is what the app routes on.</summary>
    public string Path => Address.Split('?')[0];

    /// <summary>The page handler named in the query (?handler=Similar), which the route table lists separately.</summary>
    public string? Handler => Address.Split('?') is [_, var query]
        ? query.Split('&').Select(p => p.Split('=')).Where(p => p is ["handler", _]).Select(p => p[1]).FirstOrDefault()
        : null;
}

/// <summary>Reads bench/pages.txt (shared with the test that checks it: bench/run.sh reads the same lines in bash).</summary>
public static class PageList
{
    public static IReadOnlyList<BenchPage> Parse(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(ParseLine).ToList();

    private static BenchPage ParseLine(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || parts[0].Length == 0)
        {
            throw new FormatException($"Expected \"name | method address | staff or anyone\": {line}");
        }

        var request = parts[1].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (request.Length < 2 || request[0] is not ("GET" or "POST") || !request[1].StartsWith('/') || (request.Length == 3) != (request[0] == "POST"))
        {
            throw new FormatException($"Expected \"GET /address\" or \"POST /address form\": {line}");
        }

        var signedIn = parts[2] switch
        {
            "staff" => true,
            "anyone" => false,
            _ => throw new FormatException($"Who may open it is \"staff\" or \"anyone\": {line}"),
        };
        return new BenchPage(parts[0], request[0], request[1], request.Length == 3 ? request[2] : null, signedIn);
    }
}
