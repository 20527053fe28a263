namespace WithUs.Web.Features.Themes;

public sealed class EditModel(WithUsDbContext db) : OrganisationPageModel
{

    public Guid ThemeId { get; private set; }

    public string CurrentName { get; private set; } = "";

    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var theme = RouteResource<Theme>();

        ThemeId = theme.Id;
        CurrentName = theme.Name;
        Input = new ThemeInput { Name = theme.Name, Description = theme.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var theme = RouteResource<Theme>();

        ThemeId = theme.Id;
        CurrentName = theme.Name;
        if (ModelState.IsValid && await ThemeInput.NameTakenAsync(db, Input.Name, themeId, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", ThemeInput.NameTakenMessage(Input.Name));
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        theme.Name = Input.Name.Trim();
        theme.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Theme saved.";
        return RedirectToPage("/Themes/Theme", new { org = Slug, themeId });
    }
}
