namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// One part of "owed a reply" in full, <see cref="Size"/> at a time, the longest waiting first: each page is a seek
/// from a row's key (<see cref="OwedList"/>), so the last page costs what the first does. Outcomes people without a
/// name cannot read yet are ideas, not people, found from at most <see cref="IndexModel.CountLimit"/> anonymous rows,
/// and listed up to <see cref="NotPublishedShown"/> on one page.
/// </summary>
public sealed class OwedPartModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public const int Size = 100;

    public const int NotPublishedShown = 200;

    /// <summary>From the route: which part (<see cref="OwedParts.Slug"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "part")]
    public string? PartSlug { get; set; }

    /// <summary>From ?after= (the "Next" link): the page starts after this row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>From ?before= (the "Previous" link): the page ends before this row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public OwedPart Part { get; private set; }

    public int ResponseWindowDays => Organisation.ResponseWindowDays;

    public Counted Count { get; private set; }

    public IReadOnlyList<OwedRow> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Text)> NotPublished { get; private set; } = [];

    public string? PreviousKey { get; private set; }

    public string? NextKey { get; private set; }

    public string Title => Part switch
    {
        OwedPart.NotTold => "Has an outcome, not told",
        OwedPart.NoWayToTell => "No way to tell",
        OwedPart.NoOutcome => $"No outcome after {ResponseWindowDays} days",
        _ => "Outcomes people without a name cannot read yet",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (OwedParts.FromSlug(PartSlug) is not { } part)
        {
            return NotFound();
        }

        Part = part;
        if (part == OwedPart.NotPublished)
        {
            NotPublished = await OwedReplies.NotPublishedForAnonymousAsync(db, NotPublishedShown, cancellationToken);
            return Page();
        }

        var list = new OwedList(db, Organisation, clock);
        await list.LoadAsync(part, Size, OwedKey.Decode(After), OwedKey.Decode(Before), cancellationToken);
        (Rows, PreviousKey, NextKey) = (list.Rows, list.PreviousKey, list.NextKey);
        Count = await Counted.CountAsync(part switch
        {
            OwedPart.NotTold => OwedReplies.NotTold(db),
            OwedPart.NoWayToTell => OwedReplies.NoWayToTell(db),
            _ => OwedReplies.NoOutcome(db, Organisation, clock),
        }, cancellationToken);
        return Page();
    }

    public string PageLink(string? after = null, string? before = null) =>
        Url.Page("/Voice/Outcomes/OwedPart", new { org = Slug, part = PartSlug, after, before })!;
}
