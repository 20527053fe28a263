using Microsoft.AspNetCore.Mvc.ModelBinding;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// A decision as typed: what, the options, the day, the meeting, who was in the room (members of the team, by id), how
/// it was decided with a vote's count, and any dissent. No level: that is worked out by <see cref="ParticipationRule"/>.
/// The properties are in the order the form asks, so the error summary lists them in that order.
/// </summary>
public sealed class DecisionInput
{
    public string? What { get; set; }

    /// <summary>One option on each line.</summary>
    public string? Options { get; set; }

    /// <summary>The day, as a date field sends it ("2026-11-21") or as typed ("21/11/2026").</summary>
    public string? DecidedOn { get; set; }

    /// <summary>The meeting it was decided at; none for "Not at a meeting".</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>The members of the team who were in the room.</summary>
    public List<Guid> Present { get; set; } = [];

    public DecisionWay? How { get; set; }

    public string? VotesFor { get; set; }

    public string? VotesAgainst { get; set; }

    public string? VotesAbstained { get; set; }

    public string? Dissent { get; set; }

    public const string NotAMeeting = "Choose one of this project's meetings, or \"Not at a meeting\"";
    public const string NotInTheTeam = "Choose from the team listed here";

    /// <summary>
    /// Adds an error for each thing wrong, under "Input.…". <paramref name="team"/> is the project's team now;
    /// <paramref name="meetingIsOffered"/> says whether a meeting id is one of this project's that a decision can name.
    /// </summary>
    public void Check(ModelStateDictionary modelState, IReadOnlyList<TeamMember> team, bool meetingIsOffered, DateOnly today)
    {
        // A value that is not one of the choices (not an id, not a way) is the same as a wrong choice.
        var badMeeting = Cleared(modelState, "Input.MeetingId");
        var badPresent = Cleared(modelState, "Input.Present");
        if (Cleared(modelState, "Input.How"))
        {
            How = null;
        }

        Words(modelState, "Input.What", What, "What was decided", Decision.WhatMaxLength,
            "Say what was decided, for example: the drop-in opens on Saturdays from 10am to 1pm");
        Words(modelState, "Input.Options", Options, "The options", Decision.OptionsMaxLength, missing: null);
        Day(modelState, today);
        if (badMeeting || (MeetingId is not null && !meetingIsOffered))
        {
            modelState.AddModelError("Input.MeetingId", NotAMeeting);
        }

        var current = team.Where(m => m.IsCurrent).Select(m => m.Id).ToHashSet();
        var notInTeam = badPresent || Present.Any(id => !current.Contains(id));
        if (notInTeam)
        {
            modelState.AddModelError("Input.Present", NotInTheTeam);
        }

        if (How is not { } how || !Enum.IsDefined(how))
        {
            modelState.AddModelError("Input.How", "Choose how it was decided");
        }
        else
        {
            var (partners, staff) = Counted(team);
            var votes = how == DecisionWay.TogetherByVote
                ? (For: Count(modelState, "Input.VotesFor", VotesFor, "The number who voted for it"),
                   Against: Count(modelState, "Input.VotesAgainst", VotesAgainst, "The number who voted against it"),
                   Abstained: Count(modelState, "Input.VotesAbstained", VotesAbstained, "The number who did not vote either way"))
                : (For: null, Against: null, Abstained: null);
            foreach (var (field, message) in ParticipationRule.Problems(how, partners, staff, votes.For, votes.Against, votes.Abstained))
            {
                // One message a field: a count that is not a number, or someone not in the team, is said already.
                var key = "Input." + field;
                if (modelState.TryGetValue(key, out var already) && already.Errors.Count > 0)
                {
                    continue;
                }

                modelState.AddModelError(key, message);
            }
        }

        Words(modelState, "Input.Dissent", Dissent, "Who disagreed", Decision.DissentMaxLength, missing: null);
    }

    /// <summary>How many partners and staff of the team now were ticked (each once).</summary>
    public (int Partners, int Staff) Counted(IReadOnlyList<TeamMember> team)
    {
        var ticked = Present.ToHashSet();
        var inTheRoom = team.Where(m => m.IsCurrent && ticked.Contains(m.Id)).ToList();
        return (inTheRoom.Count(m => m.IsPartner), inTheRoom.Count(m => !m.IsPartner));
    }

    /// <summary>The decision as it is saved, with its level worked out, from input that passed <see cref="Check"/>.</summary>
    public (Decision Decision, List<DecisionPresent> Present, string Why) ToDecision(Guid projectId, IReadOnlyList<TeamMember> team,
        DateTime now, Guid? byUserId)
    {
        var how = How!.Value;
        var options = ParticipationRule.OptionLines(PlainTextAttribute.Clean(Options).ReplaceLineEndings("\n"));
        var (partners, staff) = Counted(team);
        var (level, why) = ParticipationRule.Derive(how, partners, staff, options.Count);
        var vote = how == DecisionWay.TogetherByVote;
        var decision = new Decision
        {
            Id = Ids.New(),
            ProjectId = projectId,
            MeetingId = MeetingId,
            DecidedOn = OrganisationClock.Stored(DateText.Parse(DecidedOn)!.Value),
            What = PlainTextAttribute.Clean(What),
            WhatKey = Decision.KeyOf(PlainTextAttribute.Clean(What)),
            Options = options.Count == 0 ? null : string.Join('\n', options),
            How = how,
            VotesFor = vote ? Number(VotesFor) : null,
            VotesAgainst = vote ? Number(VotesAgainst) : null,
            VotesAbstained = vote ? Number(VotesAbstained) : null,
            Dissent = string.IsNullOrWhiteSpace(Dissent) ? null : PlainTextAttribute.Clean(Dissent),
            PartnersPresent = partners,
            StaffPresent = staff,
            Level = level,
            RecordedByUserId = byUserId,
            RecordedAtUtc = now,
        };
        var present = Present.Distinct().Select(memberId => new DecisionPresent { Id = Ids.New(), DecisionId = decision.Id, MemberId = memberId }).ToList();
        return (decision, present, why);
    }

    private static bool Cleared(ModelStateDictionary modelState, string key)
    {
        var cleared = false;
        foreach (var (name, entry) in modelState)
        {
            if ((name == key || name.StartsWith(key + "[", StringComparison.Ordinal)) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                cleared = true;
            }
        }

        return cleared;
    }

    private void Day(ModelStateDictionary modelState, DateOnly today)
    {
        const string key = "Input.DecidedOn";
        if (string.IsNullOrWhiteSpace(DecidedOn))
        {
            modelState.AddModelError(key, "Enter the day it was decided");
        }
        else if (DateText.Parse(DecidedOn) is not { } day)
        {
            modelState.AddModelError(key, "The day it was decided must be a real date, like 21/11/2026");
        }
        else if (day > today)
        {
            modelState.AddModelError(key, "The day it was decided must be today or in the past");
        }
        else if (day.Year < 2000)
        {
            modelState.AddModelError(key, "The day it was decided must be in 2000 or after");
        }
    }

    /// <summary>A count as typed: null when blank, or when it is not a whole number (saying so).</summary>
    private static int? Count(ModelStateDictionary modelState, string key, string? typed, string called)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (Number(typed) is { } n)
        {
            return n;
        }

        modelState.AddModelError(key, $"{called} must be a whole number, like 3");
        return null;
    }

    private static int? Number(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static void Words(ModelStateDictionary modelState, string key, string? typed, string called, int max, string? missing)
    {
        var text = PlainTextAttribute.Clean(typed).ReplaceLineEndings("\n");
        if (text.Length == 0)
        {
            if (missing is not null)
            {
                modelState.AddModelError(key, missing);
            }
        }
        else if (text.Length > max)
        {
            modelState.AddModelError(key, $"{called} must be {max:N0} characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(text))
        {
            modelState.AddModelError(key, $"{called} can only have letters, numbers, spaces and punctuation");
        }
    }
}
