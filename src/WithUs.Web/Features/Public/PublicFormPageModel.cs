using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Public;

/// <summary>
/// A public page with a form anyone may send: open only while the organisation's public pages are, limited per
/// address, and guarded by a honeypot field and the form's protected "issued at" time.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public abstract class PublicFormPageModel : PublicPageModel
{
    private PublicFormGuard? guard;

    /// <summary>The honeypot: hidden from people, so only a bot fills it.</summary>
    [BindProperty(Name = PublicFormGuard.HoneypotField)]
    public string? Website { get; set; }

    [BindProperty(Name = PublicFormGuard.IssuedField)]
    public string? FormIssued { get; set; }

    private PublicFormGuard Guard => guard ??= PublicFormGuard.Create(HttpContext.RequestServices, Organisation.Id);

    /// <summary>A bot filled the honeypot: it is thanked as a person would be, and nothing is kept.</summary>
    protected bool SentByBot => PublicFormGuard.IsBot(Website);

    /// <summary>Stamps the form with the time it is shown.</summary>
    protected void IssueForm()
    {
        Website = null;
        FormIssued = Guard.Issue();
    }

    /// <summary>
    /// Null when what they sent can be kept. Otherwise the form again: with its mistakes (400); with the contact
    /// questions they have not seen yet, when they said "yes, tell me" without them (200, the second step); or, only
    /// when nothing else is wrong, saying it came back too quickly or too late (400). The timing message never sits
    /// beside real mistakes, where it would only confuse.
    /// </summary>
    protected IActionResult? NotKeptYet(ContactInput contact)
    {
        if (!ModelState.IsValid)
        {
            return Refused();
        }

        if (contact.AwaitingDetails)
        {
            IssueForm();
            return Page();
        }

        return CameInTime() ? null : Refused();
    }

    /// <summary>Whether the form came back in a believable time; if not, says so on the form.</summary>
    private bool CameInTime()
    {
        var timing = Guard.Check(FormIssued);
        if (timing == FormTiming.InTime)
        {
            return true;
        }

        ModelState.AddModelError(string.Empty, PublicFormGuard.Message(timing));
        return false;
    }

    /// <summary>The thank-you page, shown alike whether what they sent was kept or was a bot's and thrown away.</summary>
    protected RedirectToPageResult Thanks() => RedirectToPage("Thanks", new { publicOrg = Slug });

    /// <summary>The form again, with what they typed, a fresh time stamp and 400.</summary>
    protected PageResult Refused()
    {
        IssueForm();
        return Invalid();
    }
}
