using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// Emails meeting reminders, changes and cancellings (<see cref="MeetingReminders"/>) in each organisation, every
/// <c>Projects:MeetingRemindersEveryMinutes</c> (15; 0 turns it off). Each email is claimed by a conditional update of
/// the invitee's row in the same transaction as the email is queued, so it goes once however many runs overlap.
/// </summary>
public sealed class MeetingReminderJob(IServiceScopeFactory scopes, WithUsDbContext db, IConfiguration configuration,
    ILogger<MeetingReminderJob> logger) : IJob, IJobProgress
{
    public const string JobName = "meeting-reminders";

    public const string Setting = "Projects:MeetingRemindersEveryMinutes";

    private static int Minutes(IConfiguration configuration) => configuration.GetValue(Setting, 15);

    public static void Schedule(JobSchedule schedule, IConfiguration configuration)
    {
        var minutes = Minutes(configuration);
        schedule.Enabled = minutes > 0;
        schedule.Every = TimeSpan.FromMinutes(Math.Max(1, minutes));
    }

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        foreach (var organisationId in await EachOrganisation.IdsAsync(db, cancellationToken))
        {
            using var scope = await EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);
            var sent = await SendAsync(scope.ServiceProvider, cancellationToken);
            if (sent > 0)
            {
                logger.LogInformation("Organisation {OrganisationId}: {Count} meeting emails queued", organisationId, sent);
            }

            if (!await context.RenewLeaseAsync(cancellationToken))
            {
                return;
            }
        }
    }

    public Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Minutes(configuration) > 0
            ? $"Emails a reminder the day before each meeting to the people WithUs may email, and tells them when it changes or is cancelled: every {Minutes(configuration)} minutes."
            : $"Turned off ({Setting} is 0): WithUs emails nobody about meetings; staff remind everyone by hand.");

    /// <summary>
    /// The organisation of <paramref name="services"/>' scope: queues every email owed now and answers how many.
    /// Safe to run twice at once: each email is claimed first.
    /// </summary>
    public static async Task<int> SendAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<WithUsDbContext>();
        var clock = services.GetRequiredService<OrganisationClock>();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var links = services.GetRequiredService<LinkGenerator>();
        var organisation = services.GetRequiredService<TenantContext>().Organisation
                           ?? throw new InvalidOperationException("Meeting reminders are sent in one organisation at a time.");
        var now = clock.UtcNow;
        var soon = now + MeetingReminders.Lead;

        // Meetings soon, and later ones changed or cancelled since someone was emailed about them.
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.StartsAtUtc > now
                        && ((m.CancelledAtUtc == null && m.StartsAtUtc <= soon)
                            || db.Set<MeetingInvitee>().Any(i => i.MeetingId == m.Id && i.EmailedSequence != null && i.EmailedSequence < m.Sequence)))
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return 0;
        }

        var meetingIds = meetings.Select(m => m.Id).ToList();
        var projectIds = meetings.Select(m => m.ProjectId).Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var boundaries = (await db.Set<Boundary>().AsNoTracking().Where(b => projectIds.Contains(b.ProjectId) && b.EndedAtUtc == null)
            .OrderBy(b => b.AddedAtUtc).ThenBy(b => b.Id).ToListAsync(cancellationToken)).ToLookup(b => b.ProjectId);
        var invitees = await db.Set<MeetingInvitee>().AsNoTracking().Where(i => meetingIds.Contains(i.MeetingId))
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var reach = await MeetingReminders.ReachAsync(db, db.Set<MeetingInvitee>().Where(i => meetingIds.Contains(i.MeetingId)), cancellationToken);
        var byId = meetings.ToDictionary(m => m.Id);

        var sent = 0;
        foreach (var person in reach.OrderBy(r => byId[r.MeetingId].StartsAtUtc).ThenBy(r => r.InviteeId))
        {
            var meeting = byId[person.MeetingId];
            if (person.EmailTo is not { } to || MeetingReminders.Owed(meeting, invitees[person.InviteeId], true, now) is not { } kind)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await MeetingReminders.ClaimAsync(db, meeting, person.InviteeId, kind, now, cancellationToken))
            {
                // Another run has just emailed them, or someone reminded them by hand.
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            var (subject, body) = MeetingReminderEmail.For(kind, meeting, projects[meeting.ProjectId], organisation.Name, clock, person.Name,
                person.HasAccount ? LinksFor(outbox, links, organisation.Slug, meeting, person.IsPartner) : null,
                boundaries[meeting.ProjectId].ToList());
            outbox.Queue(to, subject, body);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    /// <summary>Partners: their own project page and the meeting's calendar file; staff: the meeting page and its file.</summary>
    private static MeetingReminderEmail.Links LinksFor(EmailOutbox outbox, LinkGenerator links, string slug, Meeting meeting, bool partner)
    {
        var ofMeeting = new { org = slug, projectId = meeting.ProjectId, meetingId = meeting.Id };
        string Link(string page, object values, string? handler = null) =>
            outbox.Link(links.GetPathByPage(page, handler, values) ?? throw new InvalidOperationException($"No route to {page}."));
        return partner
            ? new(Link("/Projects/Mine/Project", new { org = slug, projectId = meeting.ProjectId }), Link("/Projects/Mine/Calendar", ofMeeting))
            : new(Link("/Projects/Meetings/Meeting", ofMeeting), Link("/Projects/Meetings/Meeting", ofMeeting, "Calendar"));
    }
}
