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

        description.AddRange(BoundaryText(boundaries));

        var place = meeting.PlaceName is null ? null : meeting.PlaceAddress is null ? meeting.PlaceName : $"{meeting.PlaceName}, {meeting.PlaceAddress.ReplaceLineEndings(", ")}";
        return new CalendarEvent(meeting.Id, meeting.Sequence, $"{meeting.Title}: {project.Title}", string.Join("\n\n", description), place,
            meeting.OnlineLink, Utc(meeting.StartsAtUtc), Utc(meeting.EndsAtUtc), OrganisationClock.ZoneOf(organisation).Id, Utc(now),
            meeting.CancelledAtUtc is not null, url, organisation.Name);
    }

    /// <summary>
    /// What is open and what is fixed, in plain text: a paragraph for each that has any. The calendar file and the
    /// reminder email both say it, so everyone invited knows before they come (seed 000).
    /// </summary>
    public static IEnumerable<string> BoundaryText(IReadOnlyList<Boundary> boundaries)
    {
        var open = boundaries.Where(b => b.Kind == BoundaryKind.Open).Select(b => "- " + b.Text).ToList();
        var fixedOnes = boundaries.Where(b => b.Kind == BoundaryKind.Fixed).Select(b => $"- {b.Text} (why: {b.ReasonText})").ToList();
        if (open.Count > 0)
        {
            yield return "The group decides:\n" + string.Join('\n', open);
        }

        if (fixedOnes.Count > 0)
        {
            yield return "Fixed, not for the group to decide:\n" + string.Join('\n', fixedOnes);
        }
    }

    /// <summary>SQLite gives times back without their kind; every time here is UTC.</summary>
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
