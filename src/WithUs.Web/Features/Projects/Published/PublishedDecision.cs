using WithUs.Web.Features.Projects.Decisions;

namespace WithUs.Web.Features.Projects.Published;

/// <summary>
/// A decision on a project's public page: what was decided and when, the options, how and by how many in the room,
/// and its level on the ladder. Who disagreed is never read for it: only that someone did
/// (<see cref="SomeoneDisagreed"/>), since what staff wrote there may name people.
/// </summary>
public sealed record PublishedDecision(DateTime DecidedOn, string What, IReadOnlyList<string> Options, DecisionWay How,
    int? VotesFor, int? VotesAgainst, int? VotesAbstained, int PartnersPresent, int StaffPresent, ParticipationLevel Level,
    bool SomeoneDisagreed)
{
    /// <summary>"Staff and partners decided together, by a vote: 3 for, 1 against, 0 neither".</summary>
    public string HowWords => How == DecisionWay.TogetherByVote
        ? $"{How.Words()}: {VotesFor} for, {VotesAgainst} against, {VotesAbstained} neither"
        : How.Words();

    /// <summary>"3 partners and 1 member of staff".</summary>
    public string InTheRoom =>
        $"{(PartnersPresent == 1 ? "1 partner" : $"{PartnersPresent} partners")} and {(StaffPresent == 1 ? "1 member of staff" : $"{StaffPresent} staff")}";
}
