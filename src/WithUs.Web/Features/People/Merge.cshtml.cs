namespace WithUs.Web.Features.People;

/// <summary>
/// Staff find the other record of the same person, check what each holds, and merge them into this one
/// (<see cref="PeopleMerge"/>). Logged without names.
/// </summary>
public sealed class MergeModel(WithUsDbContext db, PeopleMerge merge, AuditLog audit) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The other record, once chosen.</summary>
    [BindProperty(SupportsGet = true, Name = "other")]
    public Guid? OtherId { get; set; }

    public IReadOnlyList<Candidate> Found { get; private set; } = [];

    public Candidate? Other { get; private set; }

    public Candidate This { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        This = await DescribeAsync(Person.Id, cancellationToken) ?? throw new InvalidOperationException("The record has gone.");
        if (OtherId is { } otherId)
        {
            Other = await DescribeAsync(otherId, cancellationToken);
            if (Other is null)
            {
                return NotFound();
            }

            var other = await db.People.AsNoTracking().SingleAsync(p => p.Id == otherId, cancellationToken);
            Problem = PeopleMerge.WhyNot(Person, other);
            return Page();
        }

        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var lower = (search.Length > Person.NameMaxLength ? search[..Person.NameMaxLength] : search).ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL on both databases.
            var ids = await db.People.AsNoTracking().Where(p => p.Id != Person.Id && p.Name.ToLower().Contains(lower))
                .OrderBy(p => p.Name).Select(p => p.Id).Take(20).ToListAsync(cancellationToken);
#pragma warning restore CA1862
            var found = new List<Candidate>();
            foreach (var id in ids)
            {
                found.Add((await DescribeAsync(id, cancellationToken))!);
            }

            Found = found;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var other = OtherId is { } otherId ? await db.People.SingleOrDefaultAsync(p => p.Id == otherId, cancellationToken) : null;
        if (other is null)
        {
            // No other record here by that id (gone since, or never this organisation's): nothing changes.
            return RedirectToPage("/People/Merge", new { org = Slug, personId = Person.Id });
        }

        if (PeopleMerge.WhyNot(Person, other) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            This = (await DescribeAsync(Person.Id, cancellationToken))!;
            Other = await DescribeAsync(other.Id, cancellationToken);
            Problem = problem;
            return Invalid();
        }

        var moved = await merge.MergeAsync(Person, other, cancellationToken);
        await audit.RecordAboutAsync("PeopleMerged", nameof(People.Person), Person.Id,
            $"Another record ({other.Id}) merged into this one: {moved.Contributions} {(moved.Contributions == 1 ? "contribution" : "contributions")} and {moved.Rows} other rows moved",
            cancellationToken);
        Notice = "The two records are now one.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    private async Task<Candidate?> DescribeAsync(Guid id, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new Candidate(p.Id, p.Name, p.Email, p.Phone, p.UserId != null, p.CreatedAtUtc,
                db.Contributions.Count(c => c.PersonId == p.Id), db.PersonRoles.Count(r => r.PersonId == p.Id)))
            .SingleOrDefaultAsync(cancellationToken);

    public sealed record Candidate(Guid Id, string Name, string? Email, string? Phone, bool HasAccount, DateTime CreatedAtUtc, int Said, int Roles)
    {
        public string Summary(OrganisationClock clock) =>
            $"added {clock.Date(CreatedAtUtc)}; said {Said} {(Said == 1 ? "thing" : "things")}; {Roles} {(Roles == 1 ? "role" : "roles")}"
            + (Email is null ? "" : $"; {Email}") + (Phone is null ? "" : $"; {Phone}") + (HasAccount ? "; has a partner account" : "");
    }
}
