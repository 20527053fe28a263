using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Web.Features.Members;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class InviteModel(WithUsDbContext db, TenantContext tenant, EmailOutbox outbox, TimeProvider clock) : OrganisationPageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var email = Input.Email.Trim();
        var normalized = email.ToUpperInvariant();
        var alreadyMember = await db.Memberships.AnyAsync(m => m.User!.NormalizedEmail == normalized, cancellationToken);
        if (alreadyMember)
        {
            return Invalid("Input.Email", $"{email} is already a member here. To change what they can do, change their role");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = await db.Invitations
            .Where(i => i.NormalizedEmail == normalized && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .ToListAsync(cancellationToken);
        foreach (var old in earlier)
        {
            old.RevokedAtUtc = now;
        }

        var token = InvitationTokens.NewToken();
        var role = Input.Role!.Value;
        db.Invitations.Add(new Invitation
        {
            Id = Ids.New(),
            Email = email,
            NormalizedEmail = normalized,
            Role = role,
            TokenHash = InvitationTokens.Hash(token),
            InvitedByUserId = CurrentUser.Id(User)!.Value,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + InvitationTokens.Lifetime,
        });
        var inviter = User.FindFirst(WithUsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "Someone";
        var organisation = tenant.Organisation!.Name;
        outbox.Queue(email, $"Join {organisation} on WithUs", $"""
            Hello,

            {inviter} has invited you to join {organisation} on WithUs, as {Article(role)} {role.DisplayName().ToLowerInvariant()}.

            To accept, open this link within 7 days:

            {outbox.Link("/invitation/" + token)}

            If you were not expecting this, you can ignore this email.
            """);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"We have sent an invitation to {email}.";
        return RedirectToPage("/Members/Index", new { org = Slug });
    }

    private static string Article(OrganisationRole role) => role == OrganisationRole.Administrator ? "an" : "a";

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter their email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose what they will do here")]
        [EnumDataType(typeof(OrganisationRole), ErrorMessage = "Choose what they will do here")]
        public OrganisationRole? Role { get; set; }
    }
}
