using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// What a meeting's place offers (step-free access, a hearing loop, a quiet room, near public transport) and what is
/// arranged for it (interpreters, easy read or large print papers, childcare, travel paid, someone welcome to come with
/// them): checked against the access needs of the people invited (<see cref="AccessGap"/>).
/// </summary>
[Flags]
public enum MeetingSupport
{
    None = 0,
    StepFreeAccess = 1 << 0,
    HearingLoop = 1 << 1,
    QuietRoom = 1 << 2,
    NearTransport = 1 << 3,
    AccessibleToilet = 1 << 4,
    InterpreterBooked = 1 << 5,
    BslInterpreterBooked = 1 << 6,
    EasyReadPapers = 1 << 7,
    LargePrintPapers = 1 << 8,
    ChildcareArranged = 1 << 9,
    TravelPaid = 1 << 10,
    CompanionWelcome = 1 << 11,
}

public static class MeetingSupportWords
{
    /// <summary>What the place itself offers, in the order the form asks.</summary>
    public static IReadOnlyList<MeetingSupport> Place { get; } =
        [MeetingSupport.StepFreeAccess, MeetingSupport.HearingLoop, MeetingSupport.QuietRoom, MeetingSupport.NearTransport, MeetingSupport.AccessibleToilet];

    /// <summary>What is arranged for this meeting, wherever it is.</summary>
    public static IReadOnlyList<MeetingSupport> Arranged { get; } =
        [MeetingSupport.InterpreterBooked, MeetingSupport.BslInterpreterBooked, MeetingSupport.EasyReadPapers, MeetingSupport.LargePrintPapers,
         MeetingSupport.ChildcareArranged, MeetingSupport.TravelPaid, MeetingSupport.CompanionWelcome];

    public static string Words(this MeetingSupport support) => support switch
    {
        MeetingSupport.StepFreeAccess => "Step-free access",
        MeetingSupport.HearingLoop => "A hearing loop",
        MeetingSupport.QuietRoom => "A quiet room to take a break",
        MeetingSupport.NearTransport => "Near a bus stop or station",
        MeetingSupport.AccessibleToilet => "An accessible toilet",
        MeetingSupport.InterpreterBooked => "An interpreter is booked",
        MeetingSupport.BslInterpreterBooked => "A BSL interpreter is booked",
        MeetingSupport.EasyReadPapers => "Papers in easy read",
        MeetingSupport.LargePrintPapers => "Papers in large print",
        MeetingSupport.ChildcareArranged => "Childcare is arranged or paid for",
        MeetingSupport.TravelPaid => "Travel is paid for",
        MeetingSupport.CompanionWelcome => "Someone can come with them",
        _ => "Nothing",
    };

    /// <summary>What meets each need; null for a need no box can answer (something in their own words).</summary>
    public static MeetingSupport? Meets(AccessNeed need) => need switch
    {
        AccessNeed.EasyRead => MeetingSupport.EasyReadPapers,
        AccessNeed.LargePrint => MeetingSupport.LargePrintPapers,
        AccessNeed.Interpreter => MeetingSupport.InterpreterBooked,
        AccessNeed.BritishSignLanguage => MeetingSupport.BslInterpreterBooked,
        AccessNeed.StepFreeAccess => MeetingSupport.StepFreeAccess,
        AccessNeed.HearingLoop => MeetingSupport.HearingLoop,
        AccessNeed.QuietSpace => MeetingSupport.QuietRoom,
        AccessNeed.Childcare => MeetingSupport.ChildcareArranged,
        AccessNeed.TravelSupport => MeetingSupport.TravelPaid,
        AccessNeed.Companion => MeetingSupport.CompanionWelcome,
        _ => null,
    };

    /// <summary>Needs that are about a place, and so are no gap at a meeting held only online.</summary>
    public static bool IsAboutThePlace(AccessNeed need) =>
        need is AccessNeed.StepFreeAccess or AccessNeed.HearingLoop or AccessNeed.QuietSpace or AccessNeed.TravelSupport;
}

public static class MeetingFormatWords
{
    public static string Words(this MeetingFormat format) => format switch
    {
        MeetingFormat.Online => "Online",
        MeetingFormat.Both => "In person, and online for anyone who cannot come",
        _ => "In person",
    };
}

public static class ExpenseKindWords
{
    public static string Words(this ExpenseKind kind) => kind switch
    {
        ExpenseKind.Travel => "Travel",
        ExpenseKind.Childcare => "Childcare",
        _ => "Something else",
    };
}
