using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People;

/// <summary>
/// An administrator erases a person (<see cref="PersonErasure"/>): everything about them goes, what they said stays with
/// no name. Logged as "a record was erased", with counts, never with who it was.
/// </summary>
[MinimumRole(OrganisationRole.Administrator)]
public sealed class DeleteModel(WithUsDbContext db, AuditLog audit, PersonErasure erasure) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    public int ContributionCount { get; private set; }

    public bool HasAccount => Person.UserId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        ContributionCount = await db.Contributions.CountAsync(c => c.PersonId == Person.Id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = Person;
        var erased = await erasure.EraseAsync(person, cancellationToken);
        await audit.RecordAboutAsync("PersonErased", nameof(People.Person), person.Id,
            $"{erased.Contributions} {(erased.Contributions == 1 ? "contribution" : "contributions")} kept with no name; {erased.Removed} rows about them removed" +
            (erased.AccountClosed ? "; their partner account was closed" : erased.AccountLeft ? "; their partner account left the organisation" : ""),
            cancellationToken);
        Notice = "Their record has been erased. What they said is kept, with no name.";
        return RedirectToPage("/People/Index", new { org = Slug });
    }
}
