namespace WithUs.Web.Features.Projects;

/// <summary>
/// The four Co's (seeds 002 and 004) across the commissioning cycle: deciding together what is needed, designing it,
/// delivering it and reviewing it (Analyse, Plan, Do, Review). An organisation may rename each in its own plain words
/// (<see cref="PhaseName"/>); what each is for stays the same.
/// </summary>
public enum CoPhase
{
    Commissioning = 0,
    Design = 1,
    Delivery = 2,
    Assessment = 3,
}

public static class CoPhaseWords
{
    public static IReadOnlyList<CoPhase> All { get; } = Enum.GetValues<CoPhase>();

    /// <summary>The name it has until the organisation gives it another.</summary>
    public static string DefaultName(this CoPhase phase) => phase switch
    {
        CoPhase.Commissioning => "Co-commissioning",
        CoPhase.Design => "Co-design",
        CoPhase.Delivery => "Co-delivery",
        _ => "Co-assessment",
    };

    /// <summary>Its step of the commissioning cycle (seed 004).</summary>
    public static string Cycle(this CoPhase phase) => phase switch
    {
        CoPhase.Commissioning => "Analyse",
        CoPhase.Design => "Plan",
        CoPhase.Delivery => "Do",
        _ => "Review",
    };

    /// <summary>What happens in it, in plain words, whatever it is called.</summary>
    public static string WhatHappens(this CoPhase phase) => phase switch
    {
        CoPhase.Commissioning => "Deciding together what is needed",
        CoPhase.Design => "Designing it together",
        CoPhase.Delivery => "Doing it together",
        _ => "Looking back together at how it went",
    };
}

/// <summary>Where a phase of a project stands.</summary>
public enum PhaseStatus
{
    NotStarted = 0,
    UnderWay = 1,
    Done = 2,
}

public static class PhaseStatusWords
{
    public static string Words(this PhaseStatus status) => status switch
    {
        PhaseStatus.UnderWay => "Under way",
        PhaseStatus.Done => "Done",
        _ => "Not started",
    };

    public static string TagClass(this PhaseStatus status) => status switch
    {
        PhaseStatus.UnderWay => "govuk-tag--blue",
        PhaseStatus.Done => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };
}
