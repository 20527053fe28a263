using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>Record what a partner who came to a meeting spent to get there (travel, childcare), to pay them back.</summary>
public sealed class ExpenseModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public Meeting Meeting => RouteResource<Meeting>();

    [FromRoute]
    public Guid TeamMemberId { get; set; }

    public string Name { get; private set; } = "";

    [BindProperty]
    public ExpenseKind? Kind { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.TryGetValue(nameof(Kind), out var bound) && bound.Errors.Count > 0)
        {
            bound.Errors.Clear();
            Kind = null;
        }

        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Choose what it was for");
        }

        var typed = (Amount ?? "").Trim().TrimStart('£').Trim();
        if (typed.Length == 0)
        {
            ModelState.AddModelError(nameof(Amount), "Enter how much it was, like 4.50");
        }
        else if (!decimal.TryParse(typed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)
                 || decimal.Round(pounds, 2) != pounds || pounds <= 0 || pounds > 1000)
        {
            ModelState.AddModelError(nameof(Amount), "Enter an amount in pounds between 0.01 and 1,000, like 4.50");
        }

        var note = PlainTextAttribute.Clean(Note);
        if (note.Length > MeetingExpense.NoteMaxLength)
        {
            ModelState.AddModelError(nameof(Note), "The note must be 200 characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(note) || note.Contains('\n'))
        {
            ModelState.AddModelError(nameof(Note), "The note can only have letters, numbers, spaces and punctuation");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        db.Add(new MeetingExpense
        {
            Id = Ids.New(),
            MeetingId = Meeting.Id,
            MemberId = TeamMemberId,
            Kind = Kind!.Value,
            AmountPence = (int)(decimal.Parse(typed, CultureInfo.InvariantCulture) * 100),
            Note = note.Length == 0 ? null : note,
            RecordedAtUtc = clock.UtcNow,
            RecordedByUserId = CurrentUser.Id(User),
        });
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Saved: {Kind.Value.Words().ToLowerInvariant()} for {Name}.";
        return RedirectToPage("/Projects/Meetings/Meeting", null, new { org = Slug, projectId = Project.Id, meetingId = Meeting.Id }, "expenses");
    }

    /// <summary>A partner invited to this meeting of this project who came.</summary>
    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return false;
        }

        var person = await db.Set<MeetingInvitee>().AsNoTracking()
            .Where(i => i.MeetingId == Meeting.Id && i.MemberId == TeamMemberId && i.Attended == true)
            .Join(db.Set<Team.ProjectMember>(), i => i.MemberId, m => m.Id, (i, m) => m.Person)
            .Select(p => p == null ? null : p.Name)
            .SingleOrDefaultAsync(cancellationToken);
        Name = person ?? "";
        return person is not null;
    }
}
