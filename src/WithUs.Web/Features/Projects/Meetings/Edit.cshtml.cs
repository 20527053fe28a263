using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>Change a meeting; a change to when or where tells calendars to update (the calendar file's sequence goes up).</summary>
public sealed class EditModel(WithUsDbContext db, OrganisationClock clock, JobSignals signals) : MeetingFormPageModel(db, clock)
{
    public Meeting Meeting => RouteResource<Meeting>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        var invited = await Db.Set<MeetingInvitee>().AsNoTracking().Where(i => i.MeetingId == Meeting.Id).Select(i => i.MemberId).ToListAsync(cancellationToken);
        Input = MeetingInput.From(Meeting, Clock, invited);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        var when = Check();
        if (!ModelState.IsValid || when is null)
        {
            return Invalid();
        }

        var meeting = Meeting;
        var before = (meeting.Title, meeting.StartsAtUtc, meeting.EndsAtUtc, meeting.Format, meeting.PlaceName, meeting.PlaceAddress, meeting.OnlineLink, meeting.Agenda);
        Input.ApplyTo(meeting, when.Value);
        var changed = before != (meeting.Title, meeting.StartsAtUtc, meeting.EndsAtUtc, meeting.Format, meeting.PlaceName, meeting.PlaceAddress, meeting.OnlineLink, meeting.Agenda);
        if (changed)
        {
            meeting.Sequence++;
        }

        await InviteAsync(meeting.Id, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            // Anyone WithUs has emailed about it is told what it is now.
            signals.Wake<MeetingReminderJob>();
        }

        Notice = "Meeting saved.";
        return RedirectToPage("/Projects/Meetings/Meeting", new { org = Slug, projectId = Project.Id, meetingId = meeting.Id });
    }
}
