using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>One need of someone invited that the meeting does not meet yet, in words for the organiser.</summary>
public sealed record Gap(string Name, string Need, string WhatWouldMeetIt);

/// <summary>Someone invited, with what they need to take part (from People).</summary>
public sealed record Invited(Guid MemberId, string Name, bool IsPartner, AccessNeed Needs, string? InterpreterLanguage, string? OtherNeed);

/// <summary>
/// The access needs of the people invited against what the meeting's place offers and what is arranged: each need
/// not met is a gap, shown before the meeting. A need in someone's own words can only be checked with them, so it is
/// always listed; at a meeting held only online, needs about a place (step-free access, a hearing loop, a quiet room,
/// travel) are no gap.
/// </summary>
public static class AccessGap
{
    public static IReadOnlyList<Gap> For(MeetingFormat format, MeetingSupport support, IEnumerable<Invited> invited) =>
        invited.SelectMany(person => AccessNeedWords.Each.Where(n => person.Needs.HasFlag(n)).Select(need => GapFor(person, need, format, support)))
            .OfType<Gap>()
            .ToList();

    private static Gap? GapFor(Invited person, AccessNeed need, MeetingFormat format, MeetingSupport support)
    {
        if (format == MeetingFormat.Online && MeetingSupportWords.IsAboutThePlace(need))
        {
            return null;
        }

        if (MeetingSupportWords.Meets(need) is not { } meets)
        {
            return string.IsNullOrWhiteSpace(person.OtherNeed)
                ? new Gap(person.Name, AccessNeedWords.PrivateNeed, "Ask them what they need")
                : new Gap(person.Name, person.OtherNeed, "Check with them that it is arranged");
        }

        if (support.HasFlag(meets))
        {
            return null;
        }

        var words = need == AccessNeed.Interpreter && !string.IsNullOrWhiteSpace(person.InterpreterLanguage)
            ? $"An interpreter ({person.InterpreterLanguage})"
            : need.Words();
        return new Gap(person.Name, words, meets.Words());
    }
}
