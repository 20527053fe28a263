namespace WithUs.Web.Features.People;

public enum InterestKind
{
    WouldTakePart = 0,
    WantsToHear = 1,
}

public static class InterestKindWords
{
    public static string DisplayName(this InterestKind kind) => kind switch
    {
        InterestKind.WouldTakePart => "Would take part",
        _ => "Wants to hear about it",
    };
}
