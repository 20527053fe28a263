using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;
using WithUs.Web.Infrastructure.Ui;

namespace WithUs.Web.Features.People;

[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(WithUsDbContext db, TenantContext tenant) : WithUsPageModel
{
    public string Slug => tenant.Organisation!.Slug;

    public Guid PersonId { get; private set; }

    public string CurrentName { get; private set; } = "";

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        PersonId = person.Id;
        CurrentName = person.Name;
        Input = ContactInput.From<ContactInput>(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        PersonId = person.Id;
        CurrentName = person.Name;
        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Input.ApplyTo(person);
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved.";
        return Redirect($"/o/{Slug}/people/{personId}");
    }
}
