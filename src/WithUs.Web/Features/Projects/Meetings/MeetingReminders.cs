using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>What WithUs emails someone invited to a meeting.</summary>
public enum ReminderEmail
{
    /// <summary>The meeting is soon: what, when, where, what is arranged.</summary>
    Reminder = 0,

    /// <summary>The meeting changed after WithUs emailed them about it: what it is now.</summary>
    Changed = 1,

    /// <summary>The meeting was cancelled after WithUs emailed them about it.</summary>
    Cancelled = 2,
}

/// <summary>
/// How each person invited to a meeting is reached: the address WithUs emails (staff at their account's address;
/// partners who agreed to be contacted and chose email, by <see cref="ContactChoice.MayEmail"/>), or the way they
/// prefer, for staff to remind them by hand.
/// </summary>
public sealed record Reach(
    Guid InviteeId,
    Guid MeetingId,
    Guid MemberId,
    bool IsPartner,
    bool HasLeft,
    string Name,
    string? EmailTo,
    bool HasAccount,
    bool MayContact,
    ContactMethod? ContactBy,
    string? Detail)
{
    /// <summary>For the meeting page: how to remind them by hand when WithUs cannot email them.</summary>
    public string ByHand => HasLeft
        ? "They have left the team"
        : !IsPartner
            ? "WithUs cannot email them: their account here is closed"
            : !MayContact
                ? "They asked not to be contacted: remind them only if they asked you to"
                : ContactBy switch
                {
                    null => "No way to reach them is recorded",
                    ContactMethod.Email => "No email address is recorded: ask them how to reach them",
                    ContactMethod.InPerson => "Remind them in person. WithUs cannot do this for you",
                    ContactMethod.ThroughWorker => $"Remind them through {Detail}. WithUs cannot do this for you",
                    { } way => $"Remind them by {Way(way)}{(Detail is null ? "" : ": " + Detail.ReplaceLineEndings(", "))}. WithUs cannot do this for you",
                };

    private static string Way(ContactMethod way) => way switch
    {
        ContactMethod.Phone => "phone",
        ContactMethod.TextMessage => "text",
        ContactMethod.Post => "post",
        _ => way.DisplayName().ToLowerInvariant(),
    };
}

/// <summary>
/// Reminders of meetings by email (issue 11: "a reminder by each person's preferred channel"). WithUs emails each
/// person it may email a day before the meeting (<see cref="Lead"/>); if the meeting changes after that, an email
/// saying what it is now; if it is cancelled, an email saying so. Everyone else is reminded by hand, in the way they
/// prefer, and staff record it on the meeting page. Someone already reminded by hand is not emailed too.
/// </summary>
public static class MeetingReminders
{
    /// <summary>How long before a meeting WithUs emails its reminder: the day before, at about the same time.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromHours(24);

    /// <summary>When the reminder of a meeting falls due.</summary>
    public static DateTime DueAtUtc(Meeting meeting) => meeting.StartsAtUtc - Lead;

    /// <summary>
    /// What WithUs owes someone now, by email, or null. Nothing once the meeting has started, nor to anyone it may not
    /// email. A change or the cancelling is owed at once to anyone it emailed about an earlier version; a reminder is
    /// owed from <see cref="Lead"/> before the start to anyone not reminded yet (by hand or by email), and again to
    /// anyone whose last email came before that time (a change emailed days ahead).
    /// </summary>
    public static ReminderEmail? Owed(Meeting meeting, MeetingInvitee invitee, bool mayEmail, DateTime nowUtc)
    {
        if (!mayEmail || meeting.StartsAtUtc <= nowUtc)
        {
            return null;
        }

        if (invitee.EmailedSequence is { } told && told < meeting.Sequence)
        {
            return meeting.CancelledAtUtc is null ? ReminderEmail.Changed : ReminderEmail.Cancelled;
        }

        if (meeting.CancelledAtUtc is not null || DueAtUtc(meeting) > nowUtc)
        {
            return null;
        }

        return NotRemindedFor(meeting, invitee) ? ReminderEmail.Reminder : null;
    }

    /// <summary>When WithUs will email them a reminder (now or later), or null when it will not.</summary>
    public static DateTime? NextReminderUtc(Meeting meeting, MeetingInvitee invitee, bool mayEmail, DateTime nowUtc)
    {
        if (Owed(meeting, invitee, mayEmail, nowUtc) is not null)
        {
            return nowUtc;
        }

        return mayEmail && meeting.CancelledAtUtc is null && meeting.StartsAtUtc > nowUtc && NotRemindedFor(meeting, invitee)
            ? DueAtUtc(meeting)
            : null;
    }

    /// <summary>Never reminded at all, or emailed only before this meeting's reminder time (a reminder by hand stands).</summary>
    private static bool NotRemindedFor(Meeting meeting, MeetingInvitee invitee) =>
        invitee.EmailedSequence is null
            ? invitee.RemindedAtUtc is null
            : invitee.EmailedSequence == meeting.Sequence && invitee.RemindedAtUtc < DueAtUtc(meeting);

    /// <summary>
    /// Claims the email for them with a conditional update, in the caller's transaction: true for one caller only,
    /// however many runs look at once, because the update matches only while what it is owed still stands.
    /// </summary>
    public static async Task<bool> ClaimAsync(WithUsDbContext db, Meeting meeting, Guid inviteeId, ReminderEmail email, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var sequence = meeting.Sequence;
        var due = DueAtUtc(meeting);
        var invitee = db.Set<MeetingInvitee>().Where(i => i.Id == inviteeId);
        return email switch
        {
            ReminderEmail.Cancelled => await invitee
                .Where(i => i.EmailedSequence != null && i.EmailedSequence < sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailedSequence, sequence), cancellationToken) == 1,
            ReminderEmail.Changed => await invitee
                .Where(i => i.EmailedSequence != null && i.EmailedSequence < sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailedSequence, sequence)
                    .SetProperty(i => i.RemindedAtUtc, nowUtc)
                    .SetProperty(i => i.RemindedBy, ContactMethod.Email), cancellationToken) == 1,
            _ => await invitee
                .Where(i => (i.EmailedSequence == null && i.RemindedAtUtc == null) || (i.EmailedSequence == sequence && i.RemindedAtUtc < due))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailedSequence, sequence)
                    .SetProperty(i => i.RemindedAtUtc, nowUtc)
                    .SetProperty(i => i.RemindedBy, ContactMethod.Email), cancellationToken) == 1,
        };
    }

    /// <summary>
    /// How each of these invitees is reached, in one query. Staff are emailed at their account's address while it is
    /// open and still belongs here; partners only by <see cref="ContactChoice.MayEmail"/>; nobody who left the team.
    /// </summary>
    public static Task<List<Reach>> ReachAsync(WithUsDbContext db, IQueryable<MeetingInvitee> invitees, CancellationToken cancellationToken)
    {
        var emailable = db.People.Where(ContactChoice.MayEmail).Select(p => (Guid?)p.Id);
        return invitees.AsNoTracking()
            .Join(db.Set<ProjectMember>(), i => i.MemberId, m => m.Id, (i, m) => new { Invitee = i, Member = m })
            .Select(x => new Reach(
                x.Invitee.Id,
                x.Invitee.MeetingId,
                x.Member.Id,
                x.Member.PersonId != null,
                x.Member.LeftAtUtc != null,
                x.Member.Person != null
                    ? x.Member.Person.Name
                    : db.Users.Where(u => u.Id == x.Member.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                x.Member.LeftAtUtc != null
                    ? null
                    : x.Member.Person != null
                        ? emailable.Contains(x.Member.PersonId) ? x.Member.Person.Email : null
                        : db.Users.Where(u => u.Id == x.Member.UserId && u.DisabledAtUtc == null && db.Memberships.Any(ms => ms.UserId == u.Id))
                            .Select(u => u.Email).FirstOrDefault(),
                x.Member.Person != null
                    ? x.Member.Person.UserId != null && db.Memberships.Any(ms => ms.UserId == x.Member.Person.UserId)
                    : db.Memberships.Any(ms => ms.UserId == x.Member.UserId && ms.Role >= OrganisationRole.Staff),
                x.Member.Person == null || x.Member.Person.MayContact,
                x.Member.Person != null ? x.Member.Person.ContactBy : ContactMethod.Email,
                x.Member.Person == null ? null
                    : ContactChoice.DetailOf(x.Member.Person.ContactBy, x.Member.Person.Email, x.Member.Person.Phone,
                        x.Member.Person.PostalAddress, x.Member.Person.ThroughWorker)))
            .ToListAsync(cancellationToken);
    }
}
