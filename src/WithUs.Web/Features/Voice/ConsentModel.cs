namespace WithUs.Web.Features.Voice;

/// <summary>The one required tick: that we may keep what they tell us. Plain words, said before they agree.</summary>
public sealed record ConsentModel(string Name, bool Checked, string? Error, string Explanation)
{
    public const string PublicExplanation = "We will keep what you tell us so we can act on it. We will not show your name publicly.";

    public string Id => Name.Replace('.', '_');
}
