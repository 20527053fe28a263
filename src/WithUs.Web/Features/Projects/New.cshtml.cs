using WithUs.Web.Features.Account;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// Start a project: from an idea (and others like it), from a theme's open ideas, or from scratch. The ideas chosen
/// become part of it, and the people who said them are owed a reply with the words written here.
/// </summary>
public sealed class NewModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit, SimilarContributions similar)
    : OrganisationPageModel
{
    /// <summary>How many of a theme's open ideas are offered, most voices first.</summary>
    public const int FromThemeShown = 50;

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    /// <summary>The ideas ticked to become part of it.</summary>
    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    /// <summary>What the people who said them will be told.</summary>
    [BindProperty]
    [StringLength(Contribution.ExplanationMaxLength, ErrorMessage = "What they will be told must be 2,000 characters or fewer")]
    [PlainText(ErrorMessage = "What they will be told can only have letters, numbers, spaces and punctuation")]
    public string? TellThem { get; set; }

    [FromQuery(Name = "contributionId")]
    public Guid? FromContributionId { get; set; }

    [FromQuery(Name = "themeId")]
    public Guid? FromThemeId { get; set; }

    public string? ThemeName { get; private set; }

    /// <summary>The idea it starts from, when it does.</summary>
    public Candidate? Starting { get; private set; }

    /// <summary>Other ideas offered: like the starting one, or the theme's open ideas.</summary>
    public IReadOnlyList<Candidate> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input.Title = ThemeName ?? (Starting is { } idea ? Shorten(idea.Text) : "");
        Selected = (Starting is { ProjectTitle: null } ? [Starting.Id] : new List<Guid>())
            .Concat(FromThemeId is null ? [] : Others.Where(o => o.ProjectTitle is null).Select(o => o.Id)).ToList();
        TellThem = ProjectStart.DefaultTellThem;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Selected = Selected.Distinct().ToList();
        var ideas = Selected.Count == 0
            ? []
            : await db.Contributions.Where(c => Selected.Contains(c.Id)).ToListAsync(cancellationToken);
        if (ideas.Count != Selected.Count || ideas.Any(i => i.LinkedToId != null))
        {
            ModelState.AddModelError(nameof(Selected), "Choose from the things people said listed here");
        }
        else if (ideas.FirstOrDefault(i => i.ProjectId != null) is { } taken)
        {
            ModelState.AddModelError(nameof(Selected), $"\"{Shorten(taken.Text)}\" is already part of another project. Untick it");
        }

        if (ideas.Count > 0 && string.IsNullOrWhiteSpace(TellThem))
        {
            ModelState.AddModelError(nameof(TellThem), "Write what the people who said these will be told");
        }

        if (ModelState.IsValid && await ProjectInput.TitleTakenAsync(db, Input.CleanTitle, null, cancellationToken))
        {
            ModelState.AddModelError("Input.Title", ProjectInput.TitleTakenMessage(Input.CleanTitle));
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var project = ProjectStart.Start(db, clock, Input.CleanTitle, Input.CleanPurpose, FromThemeId, ideas,
            ideas.Count == 0 ? null : PlainTextAttribute.Clean(TellThem), CurrentUser.Id(User));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Someone started one of that name a moment ago (or this was a second click): say so, change nothing.
            db.ChangeTracker.Clear();
            return Invalid("Input.Title", ProjectInput.TitleTakenMessage(Input.CleanTitle));
        }

        await audit.RecordAsync("ProjectStarted", details: $"With {ideas.Count} of the things people said", cancellationToken: cancellationToken);
        Notice = $"Project started: {project.Title}. Next, say what is open for the group to decide and what is fixed.";
        return RedirectToPage("/Projects/Project", new { org = Slug, projectId = project.Id });
    }

    /// <summary>What the page offers; false when the idea or theme it starts from is not this organisation's.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (FromContributionId is { } contributionId)
        {
            var said = await db.Contributions.AsNoTracking().Where(c => c.Id == contributionId)
                .Select(c => new { c.Id, c.LinkedToId }).SingleOrDefaultAsync(cancellationToken);
            if (said is null)
            {
                return false;
            }

            var ideaId = said.LinkedToId ?? said.Id;
            Starting = (await CandidatesAsync(db.Contributions.Where(c => c.Id == ideaId), cancellationToken)).Single();
            var like = await similar.FindAsync(Starting.Text, take: 5, excluding: ideaId, cancellationToken: cancellationToken);
            var likeIds = like.Select(l => l.Id).ToList();
            Others = (await CandidatesAsync(db.Contributions.Where(c => likeIds.Contains(c.Id)), cancellationToken))
                .Where(c => c.ProjectTitle is null)
                .OrderBy(c => likeIds.IndexOf(c.Id))
                .ToList();
        }
        else if (FromThemeId is { } themeId)
        {
            ThemeName = await db.Themes.AsNoTracking().Where(t => t.Id == themeId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
            if (ThemeName is null)
            {
                return false;
            }

            var open = db.Contributions.Where(c => c.LinkedToId == null && c.ProjectId == null
                    && (c.Outcome == OutcomeStatus.New || c.Outcome == OutcomeStatus.BeingConsidered || c.Outcome == OutcomeStatus.Planned)
                    && db.ContributionThemes.Any(t => t.ContributionId == c.Id && t.ThemeId == themeId))
                .OrderByDescending(c => c.VoiceCount).ThenByDescending(c => c.SaidOnUtc).ThenBy(c => c.Id)
                .Take(FromThemeShown);
            Others = await CandidatesAsync(open, cancellationToken);
        }

        return true;
    }

    private async Task<List<Candidate>> CandidatesAsync(IQueryable<Contribution> ideas, CancellationToken cancellationToken)
    {
        var rows = await ideas.AsNoTracking()
            .Select(c => new { c.Id, c.Text, c.VoiceCount, c.Outcome, c.ProjectId })
            .ToListAsync(cancellationToken);
        var projectIds = rows.Where(r => r.ProjectId != null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var titles = projectIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Set<Project>().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        return rows.Select(r => new Candidate(r.Id, r.Text, r.VoiceCount, r.Outcome, r.ProjectId,
            r.ProjectId is { } id ? titles.GetValueOrDefault(id) : null)).ToList();
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        if (line.Length <= 60)
        {
            return line;
        }

        var cut = line[..60];
        var space = cut.LastIndexOf(' ');
        return (space > 30 ? cut[..space] : cut).TrimEnd(' ', ',', '.', ';', ':') + "…";
    }

    public sealed record Candidate(Guid Id, string Text, int Voices, OutcomeStatus Outcome, Guid? ProjectId, string? ProjectTitle);
}
