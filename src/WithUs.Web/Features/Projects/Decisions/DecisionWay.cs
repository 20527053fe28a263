namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// How a decision was made, as a fact someone who was there can say. The participation level is worked out from this
/// and from who was in the room (<see cref="ParticipationRule"/>), never chosen.
/// </summary>
public enum DecisionWay
{
    /// <summary>The partners made the decision themselves.</summary>
    PartnersDecided = 0,

    /// <summary>Staff and partners decided together, everyone agreeing (or nobody objecting).</summary>
    TogetherByConsensus = 1,

    /// <summary>Staff and partners decided together by a vote, with the count.</summary>
    TogetherByVote = 2,

    /// <summary>Staff decided, after asking the partners what they thought.</summary>
    StaffAfterConsultingPartners = 3,

    /// <summary>Staff decided without asking the partners.</summary>
    StaffAlone = 4,

    /// <summary>It was decided without the partners (by a board, a funder, a manager), and they were told afterwards.</summary>
    PartnersInformedAfterwards = 5,
}

public static class DecisionWayWords
{
    public static IReadOnlyList<DecisionWay> All { get; } = Enum.GetValues<DecisionWay>();

    public static string Words(this DecisionWay how) => how switch
    {
        DecisionWay.PartnersDecided => "Partners decided",
        DecisionWay.TogetherByConsensus => "Staff and partners decided together, by agreement",
        DecisionWay.TogetherByVote => "Staff and partners decided together, by a vote",
        DecisionWay.StaffAfterConsultingPartners => "Staff decided, after asking partners what they thought",
        DecisionWay.StaffAlone => "Staff decided alone",
        _ => "It was decided without partners, and they were told afterwards",
    };

    /// <summary>A line under the choice, to help tell the ways apart.</summary>
    public static string Hint(this DecisionWay how) => how switch
    {
        DecisionWay.PartnersDecided => "Staff were there to help, but the choice was the partners'",
        DecisionWay.TogetherByConsensus => "Everyone in the room agreed, or nobody objected",
        DecisionWay.TogetherByVote => "Everyone in the room could vote",
        DecisionWay.StaffAfterConsultingPartners => "Partners gave their views first; staff made the choice",
        DecisionWay.StaffAlone => "Partners were not asked, even if they were in the room",
        _ => "For example, by the board, a funder or a manager",
    };

    public static bool IsTogether(this DecisionWay how) => how is DecisionWay.TogetherByConsensus or DecisionWay.TogetherByVote;

    /// <summary>The ways that say partners took part in the choice itself, so at least one must have been in the room.</summary>
    public static bool NeedsPartnersInTheRoom(this DecisionWay how) => how.IsTogether() || how == DecisionWay.PartnersDecided;
}
