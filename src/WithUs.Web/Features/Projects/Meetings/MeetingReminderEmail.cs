using System.Text;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// The words of a meeting's reminder, change or cancelling email: plain text (the outbox sends text, never HTML), short,
/// in the organisation's time. It is about the meeting and the one person it goes to: never anyone else invited, and
/// never anyone's access needs (only what is arranged for the meeting).
/// </summary>
public static class MeetingReminderEmail
{
    /// <summary>Where the person can see the meeting and get its calendar file, when they have an account here.</summary>
    public sealed record Links(string Page, string Calendar);

    public static (string Subject, string Body) For(ReminderEmail kind, Meeting meeting, string projectTitle, string organisationName,
        OrganisationClock clock, string name, Links? links, IReadOnlyList<Boundary>? boundaries = null)
    {
        var gb = OrganisationClock.British;
        var starts = clock.Local(meeting.StartsAtUtc);
        var ends = clock.Local(meeting.EndsAtUtc);
        var day = starts.ToString("dddd d MMMM", gb);
        var time = starts.ToString("HH:mm", gb);
        var body = new StringBuilder();
        body.Append($"Hello {name},\n\n");

        if (kind == ReminderEmail.Cancelled)
        {
            body.Append($"The meeting \"{meeting.Title}\" of the project \"{projectTitle}\" on {starts.ToString("dddd d MMMM yyyy", gb)} at {time} is cancelled. You do not need to come.\n\n");
            if (links is not null)
            {
                body.Append($"See the project: {links.Page}\n\n");
            }

            body.Append(organisationName);
            return ($"Cancelled: {meeting.Title}, {day}", body.ToString());
        }

        body.Append(kind == ReminderEmail.Changed
            ? $"A meeting of the project \"{projectTitle}\" has changed. This is what it is now.\n\n"
            : $"This is a reminder of a meeting of the project \"{projectTitle}\".\n\n");
        body.Append($"What: {meeting.Title}\n");
        body.Append($"When: {starts.ToString("dddd d MMMM yyyy", gb)}, {time} to {ends.ToString("HH:mm", gb)}\n");
        if (meeting.PlaceName is { } place)
        {
            body.Append($"Where: {place}\n");
            if (meeting.PlaceAddress is { } address)
            {
                body.Append(address.ReplaceLineEndings("\n")).Append('\n');
            }
        }

        if (meeting.OnlineLink is { } online)
        {
            body.Append($"{(meeting.PlaceName is null ? "Where: online" : "Or join online")}: {online}\n");
        }

        var arranged = MeetingSupportWords.Place.Concat(MeetingSupportWords.Arranged).Where(s => meeting.Support.HasFlag(s)).Select(s => s.Words()).ToList();
        if (arranged.Count > 0)
        {
            body.Append($"Offered and arranged: {string.Join("; ", arranged)}\n");
        }

        if (meeting.Agenda is { } agenda)
        {
            var items = agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            body.Append("\nWhat we will talk about:\n");
            for (var i = 0; i < items.Length; i++)
            {
                body.Append($"{i + 1}. {items[i]}\n");
            }
        }

        foreach (var paragraph in MeetingCalendar.BoundaryText(boundaries ?? []))
        {
            body.Append('\n').Append(paragraph).Append('\n');
        }

        body.Append('\n');
        if (links is not null)
        {
            body.Append($"See the meeting: {links.Page}\n");
            body.Append($"Add it to your calendar: {links.Calendar}\n\n");
        }

        body.Append($"If you cannot come, or need something to take part, please tell {organisationName}.\n\n");
        body.Append(organisationName);
        var subject = kind == ReminderEmail.Changed ? $"Changed: {meeting.Title}, {day} at {time}" : $"Reminder: {meeting.Title}, {day} at {time}";
        return (subject, body.ToString());
    }
}
