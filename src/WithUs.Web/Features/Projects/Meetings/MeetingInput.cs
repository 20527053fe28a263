using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>A meeting as typed on planning or changing it: the day and times in the organisation's own time.</summary>
public sealed class MeetingInput
{
    public string? Title { get; set; }

    public string? Day { get; set; }

    public string? Starts { get; set; }

    public string? Ends { get; set; }

    public MeetingFormat? Format { get; set; }

    public string? PlaceName { get; set; }

    public string? PlaceAddress { get; set; }

    public bool IsPartnersPlace { get; set; }

    public string? OnlineLink { get; set; }

    public List<MeetingSupport> Support { get; set; } = [];

    public string? Agenda { get; set; }

    /// <summary>The team members invited.</summary>
    public List<Guid> Invited { get; set; } = [];

    public MeetingSupport SupportFlags => Support.Where(s => Enum.IsDefined(s)).Aggregate(MeetingSupport.None, (a, b) => a | b);

    public static MeetingInput From(Meeting meeting, OrganisationClock clock, IEnumerable<Guid> invited) => new()
    {
        Title = meeting.Title,
        Day = DateText.Format(DateOnly.FromDateTime(clock.Local(meeting.StartsAtUtc))),
        Starts = clock.Local(meeting.StartsAtUtc).ToString("HH:mm", CultureInfo.InvariantCulture),
        Ends = clock.Local(meeting.EndsAtUtc).ToString("HH:mm", CultureInfo.InvariantCulture),
        Format = meeting.Format,
        PlaceName = meeting.PlaceName,
        PlaceAddress = meeting.PlaceAddress,
        IsPartnersPlace = meeting.IsPartnersPlace,
        OnlineLink = meeting.OnlineLink,
        Support = Enum.GetValues<MeetingSupport>().Where(s => s != MeetingSupport.None && meeting.Support.HasFlag(s)).ToList(),
        Agenda = meeting.Agenda,
        Invited = invited.ToList(),
    };

    /// <summary>
    /// Adds an error under "Input.…" for each thing wrong; answers when it starts and ends, in UTC, when the day and
    /// times make sense in the organisation's time zone (a time the clocks skip does not).
    /// </summary>
    public (DateTime Starts, DateTime Ends)? Check(ModelStateDictionary modelState, OrganisationClock clock, IReadOnlyCollection<Guid> team)
    {
        // A value that is not one of the choices is the same as no choice.
        foreach (var key in new[] { "Input.Format", "Input.Support" })
        {
            if (modelState.TryGetValue(key, out var bound) && bound.Errors.Count > 0)
            {
                bound.Errors.Clear();
                if (key == "Input.Format")
                {
                    Format = null;
                }
            }
        }

        Text(modelState, "Input.Title", Title, "The name of the meeting", Meeting.TitleMaxLength, "Give the meeting a name, for example: First meeting of the group");
        var day = DateText.Parse(Day);
        if (string.IsNullOrWhiteSpace(Day))
        {
            modelState.AddModelError("Input.Day", "Enter the day of the meeting");
        }
        else if (day is null || day.Value.Year < 2000 || day.Value.Year > 2100)
        {
            modelState.AddModelError("Input.Day", "The day must be a real date, like 21/11/2026");
            day = null;
        }

        var starts = Time(modelState, "Input.Starts", Starts, "when it starts");
        var ends = Time(modelState, "Input.Ends", Ends, "when it ends");
        if (starts is not null && ends is not null && ends <= starts)
        {
            modelState.AddModelError("Input.Ends", "It must end after it starts");
        }

        if (Format is not { } format || !Enum.IsDefined(format))
        {
            modelState.AddModelError("Input.Format", "Choose whether it is in person, online or both");
        }
        else
        {
            if (format != MeetingFormat.Online)
            {
                Text(modelState, "Input.PlaceName", PlaceName, "The place", Meeting.PlaceNameMaxLength, "Say where it is, for example: the community room");
            }

            if (format != MeetingFormat.InPerson && !IsWebAddress(OnlineLink))
            {
                modelState.AddModelError("Input.OnlineLink", "Enter the link to join online, starting https://");
            }
        }

        Text(modelState, "Input.PlaceAddress", PlaceAddress, "The address", Meeting.PlaceAddressMaxLength, null, lines: true);
        Text(modelState, "Input.Agenda", Agenda, "The agenda", Meeting.AgendaMaxLength, null, lines: true);
        if (Invited.Any(id => !team.Contains(id)))
        {
            modelState.AddModelError("Input.Invited", "Choose from the team listed here");
        }

        if (day is null || starts is null || ends is null || ends <= starts)
        {
            return null;
        }

        var from = day.Value.ToDateTime(starts.Value);
        var to = day.Value.ToDateTime(ends.Value);
        if (clock.Zone.IsInvalidTime(from) || clock.Zone.IsInvalidTime(to))
        {
            modelState.AddModelError("Input.Starts", "That time does not exist on that day, because the clocks go forward: choose another time");
            return null;
        }

        return (TimeZoneInfo.ConvertTimeToUtc(from, clock.Zone), TimeZoneInfo.ConvertTimeToUtc(to, clock.Zone));
    }

    /// <summary>Copies what was typed (checked) onto the meeting.</summary>
    public void ApplyTo(Meeting meeting, (DateTime Starts, DateTime Ends) when)
    {
        meeting.Title = PlainTextAttribute.Clean(Title);
        meeting.StartsAtUtc = when.Starts;
        meeting.EndsAtUtc = when.Ends;
        meeting.Format = Format!.Value;
        meeting.PlaceName = Format == MeetingFormat.Online ? null : PlainTextAttribute.Clean(PlaceName);
        meeting.PlaceAddress = Format == MeetingFormat.Online || string.IsNullOrWhiteSpace(PlaceAddress) ? null : PlainTextAttribute.Clean(PlaceAddress).ReplaceLineEndings("\n");
        meeting.IsPartnersPlace = Format != MeetingFormat.Online && IsPartnersPlace;
        meeting.OnlineLink = Format == MeetingFormat.InPerson ? null : OnlineLink!.Trim();
        meeting.Support = SupportFlags;
        meeting.Agenda = string.IsNullOrWhiteSpace(Agenda) ? null : PlainTextAttribute.Clean(Agenda).ReplaceLineEndings("\n");
    }

    private static bool IsWebAddress(string? link) =>
        !string.IsNullOrWhiteSpace(link) && link.Trim().Length <= Meeting.OnlineLinkMaxLength
        && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    private static TimeOnly? Time(ModelStateDictionary modelState, string key, string? typed, string what)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            modelState.AddModelError(key, $"Enter {what}");
            return null;
        }

        if (!TimeOnly.TryParseExact(typed.Trim(), ["H:mm", "HH:mm", "H.mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            modelState.AddModelError(key, $"Enter {what} as a time, like 10:30 or 14:00");
            return null;
        }

        return time;
    }

    private static void Text(ModelStateDictionary modelState, string key, string? typed, string called, int max, string? missing, bool lines = false)
    {
        var text = PlainTextAttribute.Clean(typed);
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
        else if (!PlainTextAttribute.IsPlain(text) || (!lines && text.Contains('\n')))
        {
            modelState.AddModelError(key, $"{called} can only have letters, numbers, spaces and punctuation");
        }
    }
}
