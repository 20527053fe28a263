using WithUs.Web.Features.Account;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.People;

/// <summary>Reaching back to everyone linked to an idea or a theme: see who, export their contact list, record contacting them.</summary>
public abstract class ReachBackPageModel(WithUsDbContext db, AuditLog audit, TimeProvider clock,
    SimilarContributions similar) : OrganisationPageModel
{
    /// <summary>What the opportunity is linked to, as a heading ("the idea", "the theme Food").</summary>
    public string Title { get; protected set; } = "";

    public string BackLink { get; protected set; } = "";

    public string PageUrl { get; protected set; } = "";

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "by")]
    public ContactMethod? By { get; set; }

    public IReadOnlyList<ReachBackPerson> People { get; private set; } = [];

    public int LeftOutNoConsent { get; private set; }

    public int OtherMethods { get; private set; }

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    protected ReachBackList List => new(db, similar);

    /// <summary>Loads the idea or theme (setting the title and links) and its people; null when it does not exist here.</summary>
    protected abstract Task<ReachBackPeople?> LoadAsync(Guid id, CancellationToken cancellationToken);

    protected abstract (Guid? ContributionId, Guid? ThemeId, string EntityType) Target(Guid id);

    protected async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FillAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new RecordInput { Selected = People.Select(p => p.Id).ToList() };
        return Page();
    }

    protected async Task<IActionResult> CsvAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FillAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (_, _, entityType) = Target(id);
        await audit.RecordAboutAsync("ContactListExported", entityType, id,
            details: $"{People.Count} {(People.Count == 1 ? "person" : "people")}" + (By is { } by ? $", by {by.DisplayName().ToLowerInvariant()}" : ""),
            cancellationToken: cancellationToken);
        var day = OrganisationClock.For(Organisation, clock).Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(ReachBackList.Csv(People), "text/csv; charset=utf-8", $"reach-back-{day}.csv");
    }

    protected async Task<IActionResult> RecordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await FillAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var listed = People.ToDictionary(p => p.Id);
        if (string.IsNullOrWhiteSpace(Input.About))
        {
            ModelState.AddModelError("Input.About", "Say what you contacted them about");
        }
        else if (Input.About.Trim().Length > ReachBack.AboutMaxLength)
        {
            ModelState.AddModelError("Input.About", "What you contacted them about must be 500 characters or fewer");
        }

        if (Input.Selected.Count == 0 || Input.Selected.Any(p => !listed.ContainsKey(p)))
        {
            ModelState.AddModelError("Input.Selected", "Choose who you contacted from the list");
            Input.Selected = Input.Selected.Where(listed.ContainsKey).ToList();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var (contributionId, themeId, _) = Target(id);
        var now = clock.GetUtcNow().UtcDateTime;
        var byUser = CurrentUser.Id(User);
        foreach (var personId in Input.Selected.Distinct())
        {
            db.ReachBacks.Add(new ReachBack
            {
                Id = Ids.New(),
                PersonId = personId,
                ContributionId = contributionId,
                ThemeId = themeId,
                Method = listed[personId].ContactBy ?? ContactMethod.InPerson,
                About = Input.About!.Trim(),
                ByUserId = byUser,
                AtUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var count = Input.Selected.Distinct().Count();
        Notice = $"Recorded that you contacted {count} {(count == 1 ? "person" : "people")}. It is on each person's page.";
        return Redirect(PageUrl);
    }

    private async Task<bool> FillAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        LeftOutNoConsent = found.LeftOutNoConsent;
        People = By is { } by ? found.People.Where(p => p.ContactBy == by).ToList() : found.People;
        OtherMethods = found.People.Count - People.Count;
        return true;
    }

    /// <summary>The idea a contribution is, or adds its voice to.</summary>
    protected Task<Guid?> IdeaOfAsync(Guid contributionId, CancellationToken cancellationToken) =>
        db.Contributions.Where(c => c.Id == contributionId).Select(c => (Guid?)(c.LinkedToId ?? c.Id)).SingleOrDefaultAsync(cancellationToken);

    protected Task<string?> IdeaTextAsync(Guid id, CancellationToken cancellationToken) =>
        db.Contributions.Where(c => c.Id == id).Select(c => c.Text).SingleOrDefaultAsync(cancellationToken);

    protected Task<string?> ThemeNameAsync(Guid id, CancellationToken cancellationToken) =>
        db.Themes.Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);

    public sealed class RecordInput
    {
        public string? About { get; set; }

        public List<Guid> Selected { get; set; } = [];
    }
}
