using WithUs.Web.Features.Account;
using WithUs.Web.Features.Members;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Web.Features.People;

/// <summary>
/// The partner's account and the person we hear from are the same person: staff link a person's record to a partner
/// account here (so what staff recorded for them shows on their own pages), undo the link, or invite the person to
/// make an account, which links itself when they accept. Each is in the audit log.
/// </summary>
public sealed class AccountModel(WithUsDbContext db, AuditLog audit, EmailOutbox outbox, TenantContext tenant, TimeProvider clock)
    : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    /// <summary>The account this record is linked to, when it is.</summary>
    public Partner? Linked { get; private set; }

    /// <summary>Partner accounts here: those without a record of their own can be linked.</summary>
    public IReadOnlyList<Partner> Partners { get; private set; } = [];

    /// <summary>An invitation to make an account, sent from this record and not yet used.</summary>
    public Invitation? Waiting { get; private set; }

    [BindProperty]
    public Guid? UserId { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Email = Person.Email;
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        // A value that is no account id (tampered) is no choice: this page's message, not the framework's.
        ModelState.Remove(nameof(UserId));
        await LoadAsync(cancellationToken);
        if (Person.UserId is not null)
        {
            return Invalid(nameof(UserId), $"{Person.Name} is already linked to an account. Undo that link first");
        }

        if (UserId is null)
        {
            return Invalid(nameof(UserId), "Choose which account is theirs");
        }

        if (Partners.FirstOrDefault(p => p.UserId == UserId) is not { RecordId: null } partner)
        {
            return Invalid(nameof(UserId), "Choose a partner account from the list that has no record here yet");
        }

        Person.UserId = partner.UserId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Linked to another record in the moment since the list was read: one person, one account.
            return Invalid(nameof(UserId), $"{partner.Name} was linked to another record just now. Choose again");
        }

        await audit.RecordAboutAsync("PersonLinked", nameof(People.Person), Person.Id, details: $"to the account of {partner.Name}",
            cancellationToken: cancellationToken);
        Notice = $"{Person.Name} is linked to {partner.Name}'s account. What was recorded for them now shows on their own pages.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Linked is not { } partner)
        {
            return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
        }

        Person.UserId = null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAboutAsync("PersonUnlinked", nameof(People.Person), Person.Id, details: $"from the account of {partner.Name}",
            cancellationToken: cancellationToken);
        Notice = $"{Person.Name} is no longer linked to {partner.Name}'s account.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Person.UserId is not null)
        {
            return Invalid(nameof(Email), $"{Person.Name} already has an account linked to this record");
        }

        var email = PersonDetails.Email(Email);
        if (email.Value is not { } address)
        {
            return Invalid(nameof(Email), email.Problem ?? "Enter their email address");
        }

        var normalized = address.ToUpperInvariant();
        if (await db.Memberships.AnyAsync(m => m.User!.NormalizedEmail == normalized, cancellationToken))
        {
            return Invalid(nameof(Email), $"{address} already has an account here: link it from the list instead");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.Invitations
                     .Where(i => i.NormalizedEmail == normalized && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
                     .ToListAsync(cancellationToken))
        {
            old.RevokedAtUtc = now;
        }

        var token = InvitationTokens.NewToken();
        db.Invitations.Add(new Invitation
        {
            Id = Ids.New(),
            Email = address,
            NormalizedEmail = normalized,
            Role = OrganisationRole.Partner,
            TokenHash = InvitationTokens.Hash(token),
            InvitedByUserId = CurrentUser.Id(User)!.Value,
            PersonId = Person.Id,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + InvitationTokens.Lifetime,
        });
        var inviter = User.FindFirst(WithUsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "Someone";
        var organisation = tenant.Organisation!.Name;
        outbox.Queue(address, $"Join {organisation} on WithUs", $"""
            Hello {Person.Name},

            {inviter} has invited you to join {organisation} on WithUs. You will be able to see what you have told us,
            what happened because of it, and add more.

            To accept, open this link within 7 days:

            {outbox.Link("/invitation/" + token)}

            If you were not expecting this, you can ignore this email.
            """);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"We have sent an invitation to {address}. When {Person.Name} accepts, their account is linked to this record.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var personId = Person.Id;
        var partners = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == OrganisationRole.Partner)
            .Select(m => new
            {
                m.UserId,
                m.User!.DisplayName,
                m.User.Email,
                Record = db.People.Where(p => p.UserId == m.UserId).Select(p => new { p.Id, p.Name }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Partners = partners
            .Select(p => new Partner(p.UserId, p.DisplayName, p.Email ?? "", p.Record?.Id, p.Record?.Name))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
        Linked = Person.UserId is { } linked
            ? Partners.FirstOrDefault(p => p.UserId == linked)
              ?? await db.Users.Where(u => u.Id == linked).Select(u => new Partner(u.Id, u.DisplayName, u.Email ?? "", personId, Person.Name))
                  .FirstOrDefaultAsync(cancellationToken)
            : null;
        Waiting = await db.Invitations.AsNoTracking()
            .Where(i => i.PersonId == personId && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .OrderByDescending(i => i.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A partner account here, and the record it is already linked to, if any.</summary>
    public sealed record Partner(Guid UserId, string Name, string Email, Guid? RecordId, string? RecordName);
}
