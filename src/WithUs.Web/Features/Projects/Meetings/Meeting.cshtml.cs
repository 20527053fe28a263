using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// A meeting: when and where, what is open and fixed in the project, whether everyone invited can take part (the
/// access gap, before it happens), the agenda, the calendar file, reminding people in the way each prefers; after it,
/// who came, the notes, and what partners who came spent to get there.
/// </summary>
public sealed class MeetingModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public Meeting Meeting => RouteResource<Meeting>();

    public IReadOnlyList<(Invited Person, MeetingInvitee Invitee)> Invited { get; private set; } = [];

    public IReadOnlyList<Gap> Gaps { get; private set; } = [];

    public IReadOnlyList<Boundary> Boundaries { get; private set; } = [];

    /// <summary>How to reach each partner invited, for reminding them by hand (staff by email).</summary>
    public IReadOnlyDictionary<Guid, string> ReachBy { get; private set; } = new Dictionary<Guid, string>();

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
        }

        Notice = "The meeting is cancelled. Let the people invited know: their calendar file now says it is cancelled.";
        return RedirectToPage("/Projects/Meetings/Meeting", new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id });
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
        var memberIds = Invited.Select(i => i.Person.MemberId).ToList();
        var contacts = await db.Set<Team.ProjectMember>().AsNoTracking().Where(m => memberIds.Contains(m.Id) && m.Person != null)
            .Select(m => new { m.Id, m.Person!.MayContact, m.Person.ContactBy, m.Person.Email, m.Person.Phone, m.Person.ThroughWorker })
            .ToListAsync(cancellationToken);
        ReachBy = contacts.ToDictionary(c => c.Id, c => !c.MayContact ? "They asked not to be contacted: remind them only if they asked you to"
            : c.ContactBy switch
            {
                ContactMethod.Email => $"By email: {c.Email}",
                ContactMethod.Phone => $"By phone: {c.Phone}",
                ContactMethod.TextMessage => $"By text: {c.Phone}",
                ContactMethod.ThroughWorker => $"Through {c.ThroughWorker}",
                { } other => other.DisplayName(),
                null => "No way to reach them is recorded",
            });
        Expenses = await db.Set<MeetingExpense>().AsNoTracking().Where(e => e.MeetingId == Meeting.Id).OrderBy(e => e.RecordedAtUtc).ToListAsync(cancellationToken);
    }
}
