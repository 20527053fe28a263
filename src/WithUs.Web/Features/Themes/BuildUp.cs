using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Themes;

/// <summary>One contribution counted towards a group (an idea, or a theme) on the day it was said.</summary>
public sealed record VoiceRow(Guid Group, Guid ContributionId, Guid? PersonId, DateTime SaidOnUtc);

/// <summary>How many distinct voices fell in one week or month.</summary>
public sealed record VoicePeriod(string Label, DateTime StartUtc, int Voices);

/// <summary>An idea or theme whose voices reached the organisation's threshold within its window.</summary>
public sealed record BuildingUp(Guid Id, string Title, bool IsTheme, int Voices, IReadOnlyList<VoicePeriod> OverTime);

/// <summary>
/// "Until I get a bit of a build-up" (seed 000): ideas and themes that enough different people have raised recently.
/// Voices are counted as <see cref="VoiceCounts"/> does: each person once, each anonymous contribution once.
/// </summary>
public static class BuildUp
{
    public const int Shown = 20;

    /// <summary>The first day of the window (as days are stored): the window is that many local days, today included.</summary>
    public static DateTime WindowStart(Organisation organisation, OrganisationClock clock) =>
        OrganisationClock.Stored(clock.Today.AddDays(-(organisation.BuildUpWindowDays - 1)));

    private static int Distinct(IEnumerable<VoiceRow> rows)
    {
        var list = rows.DistinctBy(r => r.ContributionId).ToList();
        return list.Where(r => r.PersonId != null).Select(r => r.PersonId).Distinct().Count() + list.Count(r => r.PersonId == null);
    }

    /// <summary>Voices per week (for a window up to about six months) or per month, oldest first, empty periods included.</summary>
    private static List<VoicePeriod> OverTime(IEnumerable<VoiceRow> rows, Organisation organisation, OrganisationClock clock)
    {
        var start = WindowStart(organisation, clock);
        var today = clock.StoredToday;
        var byWeek = organisation.BuildUpWindowDays <= 183;
        var periods = new List<DateTime>();
        for (var p = PeriodOf(start, byWeek); p <= today; p = byWeek ? p.AddDays(7) : p.AddMonths(1))
        {
            periods.Add(p);
        }

        var counted = rows.GroupBy(r => PeriodOf(r.SaidOnUtc, byWeek)).ToDictionary(g => g.Key, g => Distinct(g));
        return periods
            .Select(p => new VoicePeriod(
                byWeek ? "Week of " + p.ToString("d MMM yyyy", OrganisationClock.British) : p.ToString("MMMM yyyy", OrganisationClock.British),
                p,
                counted.GetValueOrDefault(p)))
            .ToList();
    }

    private static DateTime PeriodOf(DateTime day, bool byWeek)
    {
        var date = day.Date;
        return DateTime.SpecifyKind(
            byWeek ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : new DateTime(date.Year, date.Month, 1),
            DateTimeKind.Utc);
    }

    /// <summary>Every contribution in the window counted towards each theme it, or the idea it adds a voice to, is in.</summary>
    private static async Task<List<VoiceRow>> ThemeRowsAsync(WithUsDbContext db, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        // The window's own themes, then its "me too"s' ideas' themes: each reads the window from the index that covers
        // it and looks its links up by contribution. One join on "its id or its idea's id" made both databases test
        // every link against every row; a UNION would sort them all to drop the few duplicates (a "me too" filed
        // under its idea's theme), which is cheaper done here.
        var own = from c in Window(db, sinceUtc)
                  join ct in db.ContributionThemes on c.Id equals ct.ContributionId
                  select new { ct.ThemeId, c.Id, c.PersonId, c.SaidOnUtc };
        var ideas = from c in Window(db, sinceUtc)
                    where c.LinkedToId != null
                    join ct in db.ContributionThemes on c.LinkedToId equals (Guid?)ct.ContributionId
                    select new { ct.ThemeId, c.Id, c.PersonId, c.SaidOnUtc };
        return (await own.Concat(ideas).ToListAsync(cancellationToken))
            .Select(r => new VoiceRow(r.ThemeId, r.Id, r.PersonId, r.SaidOnUtc))
            .DistinctBy(r => (r.Group, r.ContributionId))
            .ToList();
    }

    /// <summary>
    /// The contributions said since a day, with the condition of the index that covers what the window counts
    /// (<see cref="ContributionConfiguration.BuildUpWindowFilter"/>, true of every row): SQLite uses a partial index
    /// only for a query that states its condition.
    /// </summary>
    private static IQueryable<Contribution> Window(WithUsDbContext db, DateTime sinceUtc) =>
        db.Contributions.AsNoTracking().Where(c => c.SaidOnUtc >= sinceUtc && c.TermCount >= 0);

    /// <summary>
    /// Everything the window holds for the pages that show it, worked out in one reading of it: each theme's voices and
    /// periods, and what is building up. <see cref="BuildUpCounts"/> keeps it until the organisation's voices change.
    /// </summary>
    public static async Task<WindowCounts> CountAsync(WithUsDbContext db, Organisation organisation,
        OrganisationClock clock, CancellationToken cancellationToken)
    {
        var since = WindowStart(organisation, clock);
        var threshold = organisation.BuildUpThreshold;

        // The window read once, from the index that covers it, and counted here by idea: grouped in SQL by idea and
        // person it came back nearly as long, and each idea's weeks then needed the window again.
        var ideaRows = await Window(db, since)
            .Select(c => new VoiceRow(c.LinkedToId ?? c.Id, c.Id, c.PersonId, c.SaidOnUtc))
            .ToListAsync(cancellationToken);
        var ideaVoices = ideaRows.GroupBy(r => r.Group)
            .Select(g => (Idea: g.Key, Voices: Distinct(g), Rows: g.ToList()))
            .Where(x => x.Voices >= threshold)
            .OrderByDescending(x => x.Voices)
            .Take(Shown)
            .ToList();
        var ideaIds = ideaVoices.Select(x => x.Idea).ToList();
        var texts = await db.Contributions.Where(c => ideaIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Text })
            .ToDictionaryAsync(c => c.Id, c => c.Text, cancellationToken);

        // Every theme's voices, whether or not it reaches the threshold: the themes pages show them all.
        var themes = (await ThemeRowsAsync(db, since, cancellationToken))
            .GroupBy(r => r.Group)
            .ToDictionary(g => g.Key, g => new ThemeWindow(Distinct(g), OverTime(g, organisation, clock)));
        var themeIds = themes.Where(t => t.Value.Voices >= threshold).Select(t => t.Key).ToList();
        var themeNames = await db.Themes.Where(t => themeIds.Contains(t.Id) && !t.IsArchived)
            .Select(t => new { t.Id, t.Name })
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var ideas = ideaVoices
            .Where(x => texts.ContainsKey(x.Idea))
            .Select(x => new BuildingUp(x.Idea, texts[x.Idea], false, x.Voices, OverTime(x.Rows, organisation, clock)));
        var buildingUp = themeNames
            .Select(t => new BuildingUp(t.Key, t.Value, true, themes[t.Key].Voices, themes[t.Key].OverTime))
            .Concat(ideas)
            .OrderByDescending(b => b.Voices)
            .ThenBy(b => b.IsTheme ? 0 : 1)
            .ThenBy(b => b.Title, StringComparer.CurrentCulture)
            .Take(Shown)
            .ToList();
        return new WindowCounts(themes, new ThemeWindow(0, OverTime([], organisation, clock)), buildingUp);
    }
}

/// <summary>A theme's distinct voices in the window, and per week or month.</summary>
public sealed record ThemeWindow(int Voices, IReadOnlyList<VoicePeriod> OverTime);

/// <summary>What the build-up window of one organisation holds, as of one day (<see cref="BuildUp.CountAsync"/>).</summary>
public sealed record WindowCounts(IReadOnlyDictionary<Guid, ThemeWindow> Themes, ThemeWindow Quiet, IReadOnlyList<BuildingUp> BuildingUp)
{
    /// <summary>A theme's voices, or none (with every period empty) for a theme nobody raised in the window.</summary>
    public ThemeWindow Theme(Guid themeId) => Themes.GetValueOrDefault(themeId, Quiet);
}
