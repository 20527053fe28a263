namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// A decision in a project's log, recorded as evidence rather than claim (issue 11): what was decided, the options
/// considered, who was in the room, how it was decided and any dissent. Its <see cref="Level"/> on the ladder of
/// participation is <see cref="ParticipationRule"/>'s output from those facts, kept with them. A decision is never
/// changed once recorded: if it was decided again, that is a new decision.
/// </summary>
public sealed class Decision : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>The meeting it was decided at, if any (kept as "not at a meeting" if the meeting is deleted).</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>The day it was decided, as a day without a time is stored (<see cref="OrganisationClock.Stored"/>).</summary>
    public DateTime DecidedOn { get; set; }

    /// <summary>What was decided, in plain words: "The drop-in opens on Saturdays, 10am to 1pm".</summary>
    public required string What { get; set; }

    /// <summary>The options considered, one on each line (see <see cref="ParticipationRule.OptionLines"/>).</summary>
    public string? Options { get; set; }

    public DecisionWay How { get; set; }

    /// <summary>For a vote only: how many voted for, against, and neither.</summary>
    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    public int? VotesAbstained { get; set; }

    /// <summary>Who disagreed, and why, in their words where they want it kept.</summary>
    public string? Dissent { get; set; }

    /// <summary>
    /// How many partners and staff were in the room, counted from the people ticked when it was recorded. Kept as
    /// numbers, so the evidence stands when a person's record is later erased (their <see cref="DecisionPresent"/> row goes).
    /// </summary>
    public int PartnersPresent { get; set; }

    public int StaffPresent { get; set; }

    /// <summary>The rung of the ladder, from <see cref="ParticipationRule.Derive"/>: never typed in.</summary>
    public ParticipationLevel Level { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>
    /// What was decided, as a fixed-length key (<see cref="KeyOf"/>): with the project and the day, it makes the same
    /// decision recorded twice (a second click) one. Null on decisions recorded before it was kept.
    /// </summary>
    public string? WhatKey { get; set; }

    public const int WhatKeyLength = 64;

    /// <summary>The key of what was decided: SHA-256 of its words, ignoring case and spacing, in hex.</summary>
    public static string KeyOf(string what)
    {
        var words = string.Join(' ', what.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(words)));
    }

    public const int WhatMaxLength = 1000;
    public const int OptionsMaxLength = 2000;
    public const int DissentMaxLength = 1000;
}
