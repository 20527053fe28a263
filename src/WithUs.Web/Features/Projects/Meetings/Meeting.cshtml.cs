using WithUs.Web.Features.People;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// A meeting: when and where, what is open and fixed in the project, whether everyone invited can take part (the
/// access gap, before it happens), the agenda, the calendar file, reminding people in the way each prefers; after it,
/// who came, the notes, and what partners who came spent to get there.
/// </summary>
public sealed class MeetingModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit, JobSignals signals) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public Meeting Meeting => RouteResource<Meeting>();

    public IReadOnlyList<(Invited Person, MeetingInvitee Invitee)> Invited { get; private set; } = [];

    public IReadOnlyList<Gap> Gaps { get; private set; } = [];

    public IReadOnlyList<Boundary> Boundaries { get; private set; } = [];

    /// <summary>How each person invited is reached: by WithUs's email, or by hand in the way they prefer.</summary>
    public IReadOnlyDictionary<Guid, Reach> ReachOf { get; private set; } = new Dictionary<Guid, Reach>();

    public IReadOnlyList<MeetingExpense> Expenses { get; private set; } = [];

    public bool HasStarted => Meeting.StartsAtUtc <= clock.UtcNow;

    public bool IsCancelled => Meeting.CancelledAtUtc is not null;

    [BindProperty]
    public List<Guid> Attended { get; set; } = [];

    [BindProperty]
    public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        Notes = Meeting.Notes;
        return Page();
    }

    /// <summary>The calendar file, to add the meeting to a calendar.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        var boundaries = await BoundariesAsync(cancellationToken);
        var url = Url.Page("/Projects/Meetings/Meeting", null, new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id }, Request.Scheme);
        var file = CalendarFile.For(MeetingCalendar.EventFor(Meeting, Project, boundaries, Organisation, url, clock.UtcNow));
        return File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, CalendarFile.FileName(Meeting.Title));
    }

    /// <summary>Who came: the ticked came, the rest did not.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        if (!HasStarted || IsCancelled)
        {
            return Refuse("Who came can be recorded once the meeting has started.");
        }

        var invitees = await db.Set<MeetingInvitee>().Where(i => i.MeetingId == Meeting.Id).ToListAsync(cancellationToken);
        if (Attended.Any(id => invitees.All(i => i.MemberId != id)))
        {
            return Refuse("Choose from the people invited.");
        }

        foreach (var invitee in invitees)
        {
            invitee.Attended = Attended.Contains(invitee.MemberId);
        }

        await db.SaveChangesAsync(cancellationToken);
        var came = invitees.Count(i => i.Attended == true);
        Notice = $"Saved: {came} of {invitees.Count} came.";
        return RedirectToPage("/Projects/Meetings/Meeting", null, new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id }, "attendance");
    }

    public async Task<IActionResult> OnPostNotesAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        var notes = PlainTextAttribute.Clean(Notes).ReplaceLineEndings("\n");
        if (notes.Length > Meeting.NotesMaxLength)
        {
            ModelState.AddModelError(nameof(Notes), "The notes must be 8,000 characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(notes))
        {
            ModelState.AddModelError(nameof(Notes), "The notes can only have letters, numbers, spaces and punctuation");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        Meeting.Notes = notes.Length == 0 ? null : notes;
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Notes saved.";
        return RedirectToPage("/Projects/Meetings/Meeting", null, new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id }, "notes");
    }

    /// <summary>Record that someone was reminded by hand, in the way they prefer.</summary>
    public async Task<IActionResult> OnPostRemindedAsync(Guid teamMemberId, CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        var invitee = await db.Set<MeetingInvitee>().SingleOrDefaultAsync(i => i.MeetingId == Meeting.Id && i.MemberId == teamMemberId, cancellationToken);
        if (invitee is null)
        {
            return NotFound();
        }

        if (invitee.RemindedAtUtc is null)
        {
            var prefers = await db.Set<Team.ProjectMember>().Where(m => m.Id == teamMemberId).Select(m => m.Person != null ? m.Person.ContactBy : ContactMethod.Email)
                .SingleAsync(cancellationToken);
            invitee.RemindedAtUtc = clock.UtcNow;
            invitee.RemindedBy = prefers;
            await db.SaveChangesAsync(cancellationToken);
        }

        Notice = "Saved: they were reminded.";
        return RedirectToPage("/Projects/Meetings/Meeting", null, new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id }, "reminders");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        if (!IsCancelled)
        {
            Meeting.CancelledAtUtc = clock.UtcNow;
            Meeting.Sequence++;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("MeetingCancelled", details: Project.Title, cancellationToken: cancellationToken);

            // Anyone WithUs has emailed about it is emailed that it is cancelled, now rather than at the next run.
            signals.Wake<MeetingReminderJob>();
        }

        Notice = "The meeting is cancelled. WithUs will email anyone it has emailed about it; let everyone else know. Their calendar file now says it is cancelled.";
        return RedirectToPage("/Projects/Meetings/Meeting", new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id });
    }

    /// <summary>
    /// How someone invited will be reminded, in words: "WithUs will email them a reminder on …", "Emailed …", or how to
    /// remind them by hand; null when that is said by the "Reminded" button and its time.
    /// </summary>
    public string? Reminding(Invited person, MeetingInvitee invitee)
    {
        if (!ReachOf.TryGetValue(person.MemberId, out var reach))
        {
            return null;
        }

        if (reach.EmailTo is null)
        {
            return reach.ByHand;
        }

        var now = clock.UtcNow;
        var emailed = invitee.EmailedSequence is not null && invitee.RemindedAtUtc is { } at ? $"Emailed {clock.ShortDateAndTime(at)}. " : "";
        var next = MeetingReminders.NextReminderUtc(Meeting, invitee, true, now);
        if (next is { } due)
        {
            return emailed + (due <= now
                ? "WithUs will email them a reminder in the next few minutes"
                : $"WithUs will email them a reminder on {clock.Local(due).ToString("dddd d MMMM", OrganisationClock.British)}, at about {clock.Local(due).ToString("HH:mm", OrganisationClock.British)}");
        }

        return emailed.Length > 0
            ? emailed.TrimEnd(' ', '.')
            : invitee.RemindedAtUtc is null ? "WithUs will not email them" : null;
    }

    private RedirectToPageResult Refuse(string notice)
    {
        Notice = notice;
        return RedirectToPage("/Projects/Meetings/Meeting", new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id });
    }

    private Task<List<Boundary>> BoundariesAsync(CancellationToken cancellationToken) =>
        db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == Project.Id && b.EndedAtUtc == null).OrderBy(b => b.AddedAtUtc).ToListAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Invited = await MeetingPeople.InvitedAsync(db, Meeting.Id, cancellationToken);
        Gaps = AccessGap.For(Meeting.Format, Meeting.Support, Invited.Select(i => i.Person));
        Boundaries = await BoundariesAsync(cancellationToken);
        Attended = Invited.Where(i => i.Invitee.Attended == true).Select(i => i.Person.MemberId).ToList();
        ReachOf = (await MeetingReminders.ReachAsync(db, db.Set<MeetingInvitee>().Where(i => i.MeetingId == Meeting.Id), cancellationToken))
            .ToDictionary(r => r.MemberId);
        Expenses = await db.Set<MeetingExpense>().AsNoTracking().Where(e => e.MeetingId == Meeting.Id).OrderBy(e => e.RecordedAtUtc).ToListAsync(cancellationToken);
    }
}
