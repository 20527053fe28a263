using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>
/// A project's ground rules, made together: drafted (from a safe-space starter), agreed by each member (recorded by
/// staff here, or by the partner themselves on their own page), and revised as a new version with what changed, so
/// who agreed to what is never lost.
/// </summary>
public sealed class GroundRulesModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    /// <summary>Every version, newest first.</summary>
    public IReadOnlyList<GroundRules> Versions { get; private set; } = [];

    public GroundRules? Current => Versions.Count > 0 ? Versions[0] : null;

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    /// <summary>For each member, the newest version they agreed to, and when.</summary>
    public IReadOnlyDictionary<Guid, (int Version, DateTime AtUtc, bool Themselves)> Agreed { get; private set; } =
        new Dictionary<Guid, (int, DateTime, bool)>();

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? WhatChanged { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Text = Current?.Text ?? GroundRules.Starter;
    }

    /// <summary>Save the first draft, or a revision of the current version.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var text = PlainTextAttribute.Clean(Text).ReplaceLineEndings("\n");
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Text), "Write the ground rules");
        }
        else if (text.Length > GroundRules.TextMaxLength)
        {
            ModelState.AddModelError(nameof(Text), "The ground rules must be 4,000 characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(text))
        {
            ModelState.AddModelError(nameof(Text), "The ground rules can only have letters, numbers, spaces and punctuation");
        }
        else if (Current is not null && text == Current.Text)
        {
            ModelState.AddModelError(nameof(Text), "Nothing has changed. Change the words, or go back");
        }

        var whatChanged = PlainTextAttribute.Clean(WhatChanged);
        if (Current is not null && whatChanged.Length == 0)
        {
            ModelState.AddModelError(nameof(WhatChanged), "Say what changed, so everyone who agreed before can see");
        }
        else if (whatChanged.Length > GroundRules.WhatChangedMaxLength)
        {
            ModelState.AddModelError(nameof(WhatChanged), "What changed must be 500 characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(whatChanged))
        {
            ModelState.AddModelError(nameof(WhatChanged), "What changed can only have letters, numbers, spaces and punctuation");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        db.Add(new GroundRules
        {
            Id = Ids.New(),
            ProjectId = Project.Id,
            Version = (Current?.Version ?? 0) + 1,
            Text = text,
            WhatChanged = Current is null || whatChanged.Length == 0 ? null : whatChanged,
            WrittenAtUtc = clock.UtcNow,
            WrittenByUserId = CurrentUser.Id(User),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            Notice = "Someone saved a version of the ground rules a moment ago. Here it is: revise it again if you need to.";
            return RedirectToPage("/Projects/Team/GroundRules", new { org = Slug, projectId = Project.Id });
        }

        Notice = Current is null
            ? "The ground rules are drafted. Now go through them with the group, and record each person's agreement."
            : "The ground rules are revised. Everyone is asked to agree to the new version.";
        return RedirectToPage("/Projects/Team/GroundRules", new { org = Slug, projectId = Project.Id });
    }

    /// <summary>Record that a member agreed to the current version (said in a meeting, on paper, on the phone).</summary>
    public async Task<IActionResult> OnPostAgreeAsync(Guid teamMemberId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var member = Members.FirstOrDefault(m => m.Id == teamMemberId && m.IsCurrent);
        if (Current is null || member is null)
        {
            return NotFound();
        }

        await GroundRulesAgreement.RecordAsync(db, Current.Id, member.Id, CurrentUser.Id(User), clock.UtcNow, cancellationToken);
        Notice = $"{member.Name} agreed to the ground rules.";
        return RedirectToPage("/Projects/Team/GroundRules", null, new { org = Slug, projectId = Project.Id }, "agreed");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Versions = await db.Set<GroundRules>().AsNoTracking().Where(g => g.ProjectId == Project.Id)
            .OrderByDescending(g => g.Version).ToListAsync(cancellationToken);
        Members = (await ProjectTeam.ListAsync(db, Project.Id, cancellationToken)).Where(m => m.IsCurrent).ToList();
        var ids = Versions.Select(v => v.Id).ToList();
        var agreed = await db.Set<GroundRulesAgreed>().AsNoTracking().Where(a => ids.Contains(a.GroundRulesId)).ToListAsync(cancellationToken);
        var versionOf = Versions.ToDictionary(v => v.Id, v => v.Version);
        Agreed = agreed.GroupBy(a => a.MemberId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => versionOf[a.GroundRulesId])
                .Select(a => (versionOf[a.GroundRulesId], a.AgreedAtUtc, a.RecordedByUserId is null)).First());
    }
}
