using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>Staff record a thank-you, a certificate or a milestone on someone's record (a suggested milestone arrives filled in).</summary>
public sealed class RecognitionNewModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    [BindProperty]
    public RecognitionKind? Kind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? GivenOn { get; set; }

    public void OnGet([FromQuery] string? milestone)
    {
        GivenOn = DateText.Format(OrganisationClock.For(Organisation, clock).Today);
        if (!string.IsNullOrWhiteSpace(milestone) && PersonDetails.Text(milestone, "", Recognition.TitleMaxLength).Value is { } words)
        {
            (Kind, Title) = (RecognitionKind.Milestone, words);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(Kind), out var bound) && bound.Errors.Count > 0)
        {
            bound.Errors.Clear();
            Kind = null;
        }

        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Choose what it is");
        }

        var title = PersonDetails.Text(Title, "What it was for", Recognition.TitleMaxLength);
        if (title.IsMissing)
        {
            ModelState.AddModelError(nameof(Title), "Say what it was for, for example a year as an event host");
        }
        else if (title.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Title), problem);
        }

        var today = OrganisationClock.For(Organisation, clock).Today;
        var given = RoleDays.Check(ModelState, nameof(GivenOn), GivenOn, "the day it was given", today, required: true);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        db.Recognitions.Add(new Recognition
        {
            Id = Ids.New(),
            PersonId = Person.Id,
            Kind = Kind!.Value,
            Title = title.Value!,
            GivenOn = OrganisationClock.Stored(given!.Value),
            RecordedByUserId = CurrentUser.Id(User),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Saved: {title.Value}.";
        return RedirectToPage("/People/Person", null, new { org = Slug, personId = Person.Id }, "recognition");
    }
}
