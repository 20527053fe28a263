namespace WithUs.Web.Features.Themes;

public sealed class EditModel(WithUsDbContext db) : OrganisationPageModel
{
    /// <summary>The theme as saved; the form holds the changes until they are.</summary>
    public Theme Theme => RouteResource<Theme>();

    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public void OnGet() => Input = new ThemeInput { Name = Theme.Name, Description = Theme.Description };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await ThemeInput.NameTakenAsync(db, Input.Name, Theme.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", ThemeInput.NameTakenMessage(Input.Name));
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Theme.Name = Input.Name.Trim();
        Theme.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Theme saved.";
        return RedirectToPage("/Themes/Theme", new { org = Slug, themeId = Theme.Id });
    }
}
