using WithUs.Web.Features.Account;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Projects.Mine;

/// <summary>The calendar file of a meeting, for a partner invited to it (or staff): anyone else gets "not found".</summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class CalendarModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public Meeting Meeting => RouteResource<Meeting>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Meeting.ProjectId != Project.Id)
        {
            return NotFound();
        }

        var userId = CurrentUser.Id(User)!.Value;
        var invited = await PartnerProjects.PlacesOf(db, userId)
            .AnyAsync(m => m.ProjectId == Project.Id && db.Set<MeetingInvitee>().Any(i => i.MemberId == m.Id && i.MeetingId == Meeting.Id), cancellationToken);
        if (!invited && Role < OrganisationRole.Staff)
        {
            return NotFound();
        }

        var boundaries = await db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == Project.Id && b.EndedAtUtc == null)
            .OrderBy(b => b.AddedAtUtc).ToListAsync(cancellationToken);
        var url = Url.Page("/Projects/Mine/Project", null, new { org = Slug, projectId = Project.Id }, Request.Scheme);
        var file = CalendarFile.For(MeetingCalendar.EventFor(Meeting, Project, boundaries, Organisation, url, clock.UtcNow));
        return File(System.Text.Encoding.UTF8.GetBytes(file), CalendarFile.ContentType, CalendarFile.FileName(Meeting.Title));
    }
}
