using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>Plan a meeting of a project: everyone in the team invited unless unticked.</summary>
public sealed class NewModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : MeetingFormPageModel(db, clock)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new MeetingInput
        {
            Title = "Meeting of the group",
            Day = DateText.Format(Clock.Today.AddDays(7)),
            Starts = "10:00",
            Ends = "12:00",
            Format = MeetingFormat.InPerson,
            Invited = Team.Select(t => t.MemberId).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var when = Check();
        if (!ModelState.IsValid || when is null)
        {
            return Invalid();
        }

        var meeting = new Meeting
        {
            Id = Ids.New(),
            ProjectId = Project.Id,
            Title = "",
            CreatedByUserId = CurrentUser.Id(User),
            CreatedAtUtc = Clock.UtcNow,
        };
        Input.ApplyTo(meeting, when.Value);
        Db.Add(meeting);
        await InviteAsync(meeting.Id, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("MeetingPlanned", details: Project.Title, cancellationToken: cancellationToken);
        Notice = $"Meeting planned for {Clock.Date(meeting.StartsAtUtc)}.";
        return RedirectToPage("/Projects/Meetings/Meeting", new { org = Slug, projectId = Project.Id, meetingId = meeting.Id });
    }
}
