using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(PasswordResetMailer queue, EmailOutbox outbox) : WithUsPageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        // The address is settled here, in the request (the only place Development may take it from); the email is made later.
        queue.Enqueue(Input.Email.Trim(), outbox.BaseUrl());
        Sent = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";
    }
}
