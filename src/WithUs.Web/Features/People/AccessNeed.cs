namespace WithUs.Web.Features.People;

/// <summary>
/// What someone needs to take part, from seed 004's list (easy read, large print, childcare, travel) and the ways
/// people are met (an interpreter, BSL, step-free access, a hearing loop, a quiet space, someone to come with them).
/// Kept as flags on the person, so "everyone who needs step-free access" is one test on one column.
/// </summary>
[Flags]
public enum AccessNeed
{
    None = 0,
    EasyRead = 1 << 0,
    LargePrint = 1 << 1,

    /// <summary>An interpreter for a spoken language: which one is in <see cref="Person.InterpreterLanguage"/>.</summary>
    Interpreter = 1 << 2,
    BritishSignLanguage = 1 << 3,
    StepFreeAccess = 1 << 4,
    HearingLoop = 1 << 5,
    QuietSpace = 1 << 6,
    Childcare = 1 << 7,
    TravelSupport = 1 << 8,
    Companion = 1 << 9,

    /// <summary>Something else, in their words: <see cref="Person.OtherAccessNeed"/>.</summary>
    Other = 1 << 10,
}

public static class AccessNeedWords
{
    /// <summary>Each need on its own, in the order forms ask them.</summary>
    public static IReadOnlyList<AccessNeed> Each { get; } =
        Enum.GetValues<AccessNeed>().Where(n => n != AccessNeed.None).ToList();

    public static string Words(this AccessNeed need) => need switch
    {
        AccessNeed.EasyRead => "Easy read",
        AccessNeed.LargePrint => "Large print",
        AccessNeed.Interpreter => "An interpreter",
        AccessNeed.BritishSignLanguage => "A British Sign Language (BSL) interpreter",
        AccessNeed.StepFreeAccess => "Step-free access",
        AccessNeed.HearingLoop => "A hearing loop",
        AccessNeed.QuietSpace => "A quiet space",
        AccessNeed.Childcare => "Childcare",
        AccessNeed.TravelSupport => "Help with travel or its cost",
        AccessNeed.Companion => "Someone to come with them",
        _ => "Something else",
    };

    /// <summary>The need in the person's own words, on their own pages: "Someone to come with you".</summary>
    public static string ForThem(this AccessNeed need) => need switch
    {
        AccessNeed.Companion => "Someone to come with you",
        _ => need.Words(),
    };

    /// <summary>Brief words for lists: "Easy read", "Interpreter (Polish)", "BSL".</summary>
    public static string Brief(this AccessNeed need) => need switch
    {
        AccessNeed.Interpreter => "Interpreter",
        AccessNeed.BritishSignLanguage => "BSL",
        AccessNeed.HearingLoop => "Hearing loop",
        AccessNeed.QuietSpace => "Quiet space",
        AccessNeed.TravelSupport => "Travel support",
        AccessNeed.Companion => "Someone with them",
        _ => need.Words(),
    };

    /// <summary>
    /// Everything they need, as one short line for any list of people being invited or contacted:
    /// "Easy read · Interpreter (Polish) · Step-free access · Other: no mornings". Empty when they need nothing.
    /// </summary>
    public static string Summary(AccessNeed needs, string? interpreterLanguage, string? other) =>
        string.Join(" · ", Each.Where(n => needs.HasFlag(n)).Select(n => n switch
        {
            AccessNeed.Interpreter when !string.IsNullOrWhiteSpace(interpreterLanguage) => $"Interpreter ({interpreterLanguage})",
            AccessNeed.Other when !string.IsNullOrWhiteSpace(other) => other,
            AccessNeed.Other => PrivateNeed,
            _ => n.Brief(),
        }));

    /// <summary>What staff read for a need kept private (its words are sealed): enough to know to ask.</summary>
    public const string PrivateNeed = "A private need: ask them";

    public static string AccessSummary(this Person person) =>
        Summary(person.AccessNeeds, person.InterpreterLanguage, person.OtherAccessNeed);

    /// <summary>"Something else" with no words kept: the words are sealed (<see cref="SealedDetailKind.PrivateAccessNeed"/>).</summary>
    public static bool HasPrivateNeed(this Person person) =>
        person.AccessNeeds.HasFlag(AccessNeed.Other) && string.IsNullOrWhiteSpace(person.OtherAccessNeed);
}
