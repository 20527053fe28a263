namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>A meeting as the calendar file describes it: what, when and where, and what is open and fixed in the project.</summary>
public static class MeetingCalendar
{
    public static CalendarEvent EventFor(Meeting meeting, Project project, IReadOnlyList<Boundary> boundaries, Organisation organisation,
        string? url, DateTime now)
    {
        var description = new List<string> { $"{project.Title}, with {organisation.Name}." };
        if (meeting.Agenda is { } agenda)
        {
            description.Add("Agenda:\n" + agenda);
        }

        var open = boundaries.Where(b => b.Kind == BoundaryKind.Open).Select(b => "- " + b.Text).ToList();
        var fixedOnes = boundaries.Where(b => b.Kind == BoundaryKind.Fixed).Select(b => $"- {b.Text} (why: {b.ReasonText})").ToList();
        if (open.Count > 0)
        {
            description.Add("The group decides:\n" + string.Join('\n', open));
        }

        if (fixedOnes.Count > 0)
        {
            description.Add("Fixed, not for the group to decide:\n" + string.Join('\n', fixedOnes));
        }

        var place = meeting.PlaceName is null ? null : meeting.PlaceAddress is null ? meeting.PlaceName : $"{meeting.PlaceName}, {meeting.PlaceAddress.ReplaceLineEndings(", ")}";
        return new CalendarEvent(meeting.Id, meeting.Sequence, $"{meeting.Title}: {project.Title}", string.Join("\n\n", description), place,
            meeting.OnlineLink, Utc(meeting.StartsAtUtc), Utc(meeting.EndsAtUtc), OrganisationClock.ZoneOf(organisation).Id, Utc(now),
            meeting.CancelledAtUtc is not null, url, organisation.Name);
    }

    /// <summary>SQLite gives times back without their kind; every time here is UTC.</summary>
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
