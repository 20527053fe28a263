using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects.Published;

/// <summary>
/// The one place that says what of a project the public may read: only projects staff published, with a summary
/// written for the public, and of each only what <see cref="PublishedProject"/> holds. The public pages and the staff
/// preview both read it here, so the preview is exactly what will show. Each read is a fixed number of queries however
/// many boundaries, decisions, partners or things said the project has.
/// </summary>
public static class PublishedProjects
{
    /// <summary>The newest decisions shown on the public page; the profile counts them all.</summary>
    public const int DecisionsShown = 50;

    /// <summary>The published things people said that led to it, listed with links (the count covers every one).</summary>
    public const int IdeasShown = 20;

    private static IQueryable<Project> Published(WithUsDbContext db) =>
        db.Set<Project>().AsNoTracking().Where(p => p.IsPublished && p.PublicSummary != null && p.PublicSummary != "");

    /// <summary>The newest <paramref name="take"/> published projects, the most recently published first.</summary>
    public static async Task<List<PublishedProjectCard>> ListAsync(WithUsDbContext db, int take, CancellationToken cancellationToken)
    {
        var rows = await Published(db)
            .OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id).Take(take)
            .Select(p => new
            {
                p.Id,
                p.Title,
                Summary = p.PublicSummary!,
                p.PublishedAtUtc,
                p.DeliveredAtUtc,
                Phases = p.Phases.Select(ph => new { ph.Phase, ph.Status }).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var names = await PhaseNaming.ForAsync(db, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var levels = (await db.Set<Decision>().AsNoTracking().Where(d => ids.Contains(d.ProjectId))
                .GroupBy(d => new { d.ProjectId, d.Level })
                .Select(g => new { g.Key.ProjectId, g.Key.Level, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.ProjectId);
        return rows.Select(r =>
        {
            var phases = r.Phases.Select(p => new ProjectPhase { Phase = p.Phase, Status = p.Status }).ToList();
            var now = ProjectPhase.Current(phases);
            var profile = new ParticipationProfile(null, r.Id, levels[r.Id].ToDictionary(l => l.Level, l => l.Count));
            return new PublishedProjectCard(r.Id, r.Title, r.Summary, r.PublishedAtUtc ?? default, names[now],
                phases.FirstOrDefault(p => p.Phase == now)?.Status ?? PhaseStatus.NotStarted, r.DeliveredAtUtc is not null, profile.Summary);
        }).ToList();
    }

    /// <summary>A published project of the current organisation, as the public read it; null when there is none by that id.</summary>
    public static async Task<PublishedProject?> FindAsync(WithUsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var project = await Published(db).Include(p => p.Phases).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return project is null ? null : await ShapeAsync(db, project, project.PublicSummary, cancellationToken);
    }

    /// <summary>
    /// What the public would read if <paramref name="project"/> were published with <paramref name="summary"/> (null
    /// when none is written yet): the staff preview.
    /// </summary>
    public static Task<PublishedProject> PreviewAsync(WithUsDbContext db, Project project, string? summary, CancellationToken cancellationToken) =>
        ShapeAsync(db, project, string.IsNullOrWhiteSpace(summary) ? null : summary, cancellationToken);

    /// <summary>The names of those of <paramref name="projectIds"/> that are published, by id ("You said, we did" links to them).</summary>
    public static async Task<Dictionary<Guid, string>> TitlesAsync(WithUsDbContext db, IReadOnlyCollection<Guid> projectIds,
        CancellationToken cancellationToken)
    {
        if (projectIds.Count == 0)
        {
            return [];
        }

        var ids = projectIds.Distinct().ToList();
        return await Published(db).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
    }

    private static async Task<PublishedProject> ShapeAsync(WithUsDbContext db, Project project, string? summary, CancellationToken cancellationToken)
    {
        var names = await PhaseNaming.ForAsync(db, cancellationToken);
        var phases = project.Phases.OrderBy(p => p.Phase).ToList();
        var now = ProjectPhase.Current(phases);

        // As they stand now: a boundary that changed shows in its new words, one removed not at all.
        var boundaries = await db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == project.Id && b.EndedAtUtc == null)
            .OrderBy(b => b.AddedAtUtc).ThenBy(b => b.Id)
            .Select(b => new PublishedBoundary(b.Kind, b.Text, b.Reason, b.ReasonText))
            .ToListAsync(cancellationToken);

        var profile = await ParticipationProfile.ForProjectAsync(db, null, project.Id, cancellationToken);
        var decisions = profile.Total == 0
            ? []
            : (await db.Set<Decision>().AsNoTracking().Where(d => d.ProjectId == project.Id)
                .OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id)
                .Take(DecisionsShown)
                .Select(d => new
                {
                    d.DecidedOn,
                    d.What,
                    d.Options,
                    d.How,
                    d.VotesFor,
                    d.VotesAgainst,
                    d.VotesAbstained,
                    d.PartnersPresent,
                    d.StaffPresent,
                    d.Level,
                    // Whether anyone disagreed, never what was written: it may name them.
                    Disagreed = d.Dissent != null && d.Dissent != "",
                })
                .ToListAsync(cancellationToken))
            .Select(d => new PublishedDecision(d.DecidedOn, d.What, ParticipationRule.OptionLines(d.Options), d.How, d.VotesFor,
                d.VotesAgainst, d.VotesAbstained, d.PartnersPresent, d.StaffPresent, d.Level, d.Disagreed))
            .ToList();

        var ideas = db.Contributions.AsNoTracking().Where(c => c.ProjectId == project.Id && c.LinkedToId == null);
        var ideaCount = await ideas.CountAsync(cancellationToken);
        var people = 0;
        List<PublishedIdea> publishedIdeas = [];
        if (ideaCount > 0)
        {
            // Everyone who said them or added "me too", each person once however many of them they said (as an idea's
            // voices are counted), each anonymous one once.
            var voices = db.Contributions.AsNoTracking().Where(v => v.LinkedToId != null && v.LinkedTo!.ProjectId == project.Id);
            people = VoiceCounts.Of(await ideas.Select(c => c.PersonId).Concat(voices.Select(v => v.PersonId)).ToListAsync(cancellationToken));
            publishedIdeas = await ideas.Where(c => c.IsPublished && c.PublicSummary != null && c.PublicSummary != "")
                .OrderByDescending(c => c.VoiceCount).ThenBy(c => c.Id).Take(IdeasShown)
                .Select(c => new PublishedIdea(c.Id, c.PublicSummary!))
                .ToListAsync(cancellationToken);
        }

        return new PublishedProject(project.Id, project.Title, summary, project.IsPublished ? project.PublishedAtUtc : null,
            phases.Select(p => new PublishedPhase(p.Phase, names[p.Phase], p.Status, p.Phase == now)).ToList(),
            boundaries, decisions, profile, await TeamAsync(db, project.Id, cancellationToken),
            project.DeliveredAtUtc, project.DeliveredAtUtc is null ? null : project.DeliverySummary,
            ideaCount, people, publishedIdeas);
    }

    /// <summary>
    /// The team now. Partners are named only where <see cref="ConsentState.MayBeNamed"/> says they may be, and counted
    /// otherwise. Staff are always counted, never named: the page is about what the group decided and how, and a
    /// member of staff's account holds no answer about being named in public.
    /// </summary>
    private static async Task<PublishedTeam> TeamAsync(WithUsDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        var members = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.ProjectId == projectId && m.LeftAtUtc == null)
            .Select(m => new { m.PersonId, m.Role, Name = m.Person != null ? m.Person.Name : null })
            .ToListAsync(cancellationToken);
        var partners = members.Where(m => m.PersonId is not null).ToList();
        var mayBeNamed = await ConsentState.WhoMayBeNamedAsync(db, partners.Select(m => m.PersonId!.Value).ToList(), cancellationToken);
        var named = partners.Where(m => mayBeNamed.Contains(m.PersonId!.Value) && m.Name is not null)
            .Select(m => (m.Name!, m.Role))
            .OrderBy(m => m.Item1, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new PublishedTeam(named, partners.Count - named.Count, members.Count - partners.Count);
    }
}
