
namespace WithUs.Tests.Infrastructure.Authorisation;

/// <summary>Who a route is meant for. Each level admits everyone above it on the list (an operator is apart).</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,

    /// <summary>Anyone signed in, in any organisation or none.</summary>
    SignedIn,

    /// <summary>
    /// Signed in and not required to use two-factor authentication: staff and administrators anywhere are refused,
    /// since it protects what they can see.
    /// </summary>
    TwoFactorOptional,

    /// <summary>A member of the organisation in the route, partner or above.</summary>
    Partner,

    Staff,

    Administrator,

    /// <summary>Whoever runs the installation; everyone else signed in is told the page does not exist.</summary>
    Operator,
}

/// <summary>The people the matrix asks as. Each has its own organisation world, so one person's changes cannot hide another's answer.</summary>
public enum Asker
{
    SignedOut,
    NonMember,
    Partner,
    Staff,
    Administrator,
    Operator,
}

/// <summary>What an answer says about access, whatever else the page did.</summary>
public enum Answer
{
    /// <summary>Sent to sign in, with a way back (the authentication challenge).</summary>
    SignIn,

    /// <summary>404: the organisation (or page) is not there for this person.</summary>
    NotFound,

    /// <summary>403: signed in and a member, but the role does not reach.</summary>
    Refused,

    /// <summary>Anything else: the page's own handler answered.</summary>
    Let,
}

/// <summary>The expected answer for each asker at each access level, and the comparison the matrix test makes.</summary>
public static class RoleMatrix
{
    public static Answer Classify(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return Answer.NotFound;
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return Answer.Refused;
        }

        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            var target = new Uri(new Uri("https://localhost"), location);
            if (target.AbsolutePath == "/account/sign-in" && target.Query.Contains("ReturnUrl=", StringComparison.Ordinal))
            {
                return Answer.SignIn;
            }

            if (target.AbsolutePath == "/error/403")
            {
                return Answer.Refused;
            }
        }

        return Answer.Let;
    }

    /// <summary>
    /// The answers a route of this level may give this asker. Pages anyone may open can still say "not found" for
    /// their own reasons (set-up once done, the demo when it is off), so only the sign-in and refusal are ruled out.
    /// </summary>
    public static IReadOnlySet<Answer> Allowed(Access access, Asker asker) => (access, asker) switch
    {
        (Access.Anyone, _) => Set(Answer.Let, Answer.NotFound),
        (_, Asker.SignedOut) => Set(Answer.SignIn),
        (Access.SignedIn, _) => Set(Answer.Let, Answer.NotFound),
        (Access.TwoFactorOptional, Asker.Partner or Asker.Operator) => Set(Answer.Let, Answer.NotFound),
        (Access.TwoFactorOptional, _) => Set(Answer.Refused),
        (Access.Operator, Asker.Operator) => Set(Answer.Let),
        (Access.Operator, _) => Set(Answer.NotFound),
        (_, Asker.NonMember or Asker.Operator) => Set(Answer.NotFound),
        _ => Rank(asker) >= Rank(access) ? Set(Answer.Let) : Set(Answer.Refused),
    };

    /// <summary>Every way the observed answers differ from the expected matrix, including routes it does not list.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, Access> expected,
        IEnumerable<(string Route, Asker Asker, Answer Answer, string Detail)> observed)
    {
        var differences = new List<string>();
        foreach (var (route, asker, answer, detail) in observed)
        {
            if (!expected.TryGetValue(route, out var access))
            {
                differences.Add($"{route} is not in the role matrix: add it with who may use it");
                continue;
            }

            if (!Allowed(access, asker).Contains(answer))
            {
                differences.Add($"{route} as {asker}: expected {string.Join(" or ", Allowed(access, asker))} for {access}, got {answer} ({detail})");
            }
        }

        return differences.Distinct().ToList();
    }

    private static int Rank(Access access) => access switch
    {
        Access.Partner => 0,
        Access.Staff => 1,
        Access.Administrator => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Not an organisation role"),
    };

    private static int Rank(Asker asker) => asker switch
    {
        Asker.Partner => 0,
        Asker.Staff => 1,
        Asker.Administrator => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(asker), asker, "Not an organisation role"),
    };

    private static HashSet<Answer> Set(params Answer[] answers) => [.. answers];
}
