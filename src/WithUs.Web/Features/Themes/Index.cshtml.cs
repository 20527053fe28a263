namespace WithUs.Web.Features.Themes;

public sealed class IndexModel(WithUsDbContext db, OrganisationClock clock, BuildUpCounts buildUp) : OrganisationPageModel
{
    public int WindowDays => Organisation.BuildUpWindowDays;

    public IReadOnlyList<Row> Themes { get; private set; } = [];

    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await ThemeInput.NameTakenAsync(db, Input.Name, null, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", ThemeInput.NameTakenMessage(Input.Name));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var theme = new Theme
        {
            Id = Ids.New(),
            Name = Input.Name.Trim(),
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            CreatedAtUtc = clock.UtcNow,
        };
        db.Themes.Add(theme);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Theme \"{theme.Name}\" added.";
        return RedirectToPage("/Themes/Index", new { org = Slug });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking()
            .OrderBy(t => t.IsArchived)
            .ThenBy(t => t.Name)
            .Select(t => new
            {
                t.Id,
                t.Name,
                t.IsArchived,
                t.ContributionCount,
            })
            .ToListAsync(cancellationToken);
        var window = await buildUp.GetAsync(db, Organisation, clock, cancellationToken);
        Themes = themes.Select(t => new Row(t.Id, t.Name, t.IsArchived, t.ContributionCount, window.Theme(t.Id).Voices)).ToList();
    }

    public sealed record Row(Guid Id, string Name, bool IsArchived, int Contributions, int RecentVoices);
}
