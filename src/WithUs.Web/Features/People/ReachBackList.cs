using System.Text;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.People;

/// <summary>Someone who could be told about an opportunity, why they are listed, and the one detail their chosen way needs.</summary>
/// <summary>Someone to reach back to: the way they chose and its detail, when not to contact them, and what they
/// need to take part (<see cref="AccessNeedWords.Summary"/>, empty when nothing), shown wherever they are listed.</summary>
public sealed record ReachBackPerson(Guid Id, string Name, ContactMethod? ContactBy, string? Detail, IReadOnlyList<string> Why,
    string AccessNeeds = "", string? NotToContact = null);

public sealed record ReachBackPeople(IReadOnlyList<ReachBackPerson> People, int LeftOutNoConsent);

/// <summary>
/// When an opportunity appears (seed 000: funding, years later), everyone linked to an idea or theme: those who said it,
/// who added their voice, who said something similar, and who registered interest. Only people who agreed to be
/// contacted are listed, with only the detail for the way they chose.
/// </summary>
public sealed class ReachBackList(WithUsDbContext db, SimilarContributions similar)
{
    public const int SimilarTaken = 10;

    public async Task<ReachBackPeople?> ForIdeaAsync(Guid ideaId, CancellationToken cancellationToken)
    {
        var idea = await db.Contributions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ideaId, cancellationToken);
        if (idea is null)
        {
            return null;
        }

        var why = new Dictionary<Guid, List<string>>();
        var said = await db.Contributions
            .Where(c => c.PersonId != null && (c.Id == ideaId || c.LinkedToId == ideaId))
            .Select(c => new { PersonId = c.PersonId!.Value, c.LinkedToId })
            .ToListAsync(cancellationToken);
        foreach (var s in said)
        {
            Add(why, s.PersonId, s.LinkedToId is null ? "Said it" : "Added their voice");
        }

        var interested = await db.Interests.Where(i => i.ContributionId == ideaId)
            .Select(i => new { i.PersonId, i.Kind })
            .ToListAsync(cancellationToken);
        foreach (var i in interested)
        {
            Add(why, i.PersonId, i.Kind.DisplayName());
        }

        var alike = await similar.FindAsync(idea.Text, SimilarTaken, ideaId, cancellationToken);
        var alikeIds = alike.Select(a => a.Id).ToList();
        var alikePeople = await db.Contributions
            .Where(c => c.PersonId != null && (alikeIds.Contains(c.Id) || (c.LinkedToId != null && alikeIds.Contains(c.LinkedToId.Value))))
            .Select(c => new { PersonId = c.PersonId!.Value, Idea = c.LinkedToId ?? c.Id })
            .ToListAsync(cancellationToken);
        var alikeText = alike.ToDictionary(a => a.Id, a => a.Text);
        foreach (var a in alikePeople)
        {
            Add(why, a.PersonId, $"Said something similar: \"{Short(alikeText[a.Idea])}\"");
        }

        return await PeopleAsync(why, cancellationToken);
    }

    public async Task<ReachBackPeople?> ForThemeAsync(Guid themeId, CancellationToken cancellationToken)
    {
        if (!await db.Themes.AnyAsync(t => t.Id == themeId, cancellationToken))
        {
            return null;
        }

        var why = new Dictionary<Guid, List<string>>();
        var ideas = db.ContributionThemes.Where(ct => ct.ThemeId == themeId).Select(ct => ct.ContributionId);
        var said = await db.Contributions
            .Where(c => c.PersonId != null && (ideas.Contains(c.Id) || (c.LinkedToId != null && ideas.Contains(c.LinkedToId.Value))))
            .Select(c => c.PersonId!.Value)
            .ToListAsync(cancellationToken);
        foreach (var personId in said)
        {
            Add(why, personId, "Said something in this theme");
        }

        var interested = await db.Interests
            .Where(i => i.ThemeId == themeId || (i.ContributionId != null && ideas.Contains(i.ContributionId.Value)))
            .Select(i => new { i.PersonId, i.Kind, OnTheme = i.ThemeId != null })
            .ToListAsync(cancellationToken);
        foreach (var i in interested)
        {
            Add(why, i.PersonId, i.Kind.DisplayName() + (i.OnTheme ? " (the theme)" : " (something said in it)"));
        }

        return await PeopleAsync(why, cancellationToken);
    }

    private async Task<ReachBackPeople> PeopleAsync(Dictionary<Guid, List<string>> why, CancellationToken cancellationToken)
    {
        var ids = why.Keys.ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.MayContact,
                p.ContactBy,
                p.Email,
                p.Phone,
                p.PostalAddress,
                p.ThroughWorker,
                p.NotToContact,
                p.AccessNeeds,
                p.InterpreterLanguage,
                p.OtherAccessNeed,
            })
            .ToListAsync(cancellationToken);
        var contactable = people.Where(p => p.MayContact)
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new ReachBackPerson(p.Id, p.Name, p.ContactBy,
                ContactChoice.DetailOf(p.ContactBy, p.Email, p.Phone, p.PostalAddress, p.ThroughWorker), why[p.Id],
                AccessNeedWords.Summary(p.AccessNeeds, p.InterpreterLanguage, p.OtherAccessNeed), p.NotToContact))
            .ToList();
        return new ReachBackPeople(contactable, people.Count(p => !p.MayContact));
    }

    private static void Add(Dictionary<Guid, List<string>> why, Guid personId, string reason)
    {
        if (!why.TryGetValue(personId, out var reasons))
        {
            why[personId] = reasons = [];
        }

        if (!reasons.Contains(reason))
        {
            reasons.Add(reason);
        }
    }

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;

    /// <summary>
    /// The list as CSV for a spreadsheet: UTF-8 with a byte order mark so Excel reads it right, and every cell made
    /// plain text that no spreadsheet runs as a formula (<see cref="SpreadsheetCells"/>).
    /// </summary>
    public static byte[] Csv(IEnumerable<ReachBackPerson> people)
    {
        var csv = new StringBuilder();
        csv.Append("Name,Contact by,How to reach them,When not to contact them,Access needs\r\n");
        foreach (var p in people)
        {
            csv.Append(Cell(p.Name)).Append(',')
                .Append(Cell(p.ContactBy?.DisplayName() ?? "")).Append(',')
                .Append(Cell(p.Detail ?? "")).Append(',')
                .Append(Cell(p.NotToContact ?? "")).Append(',')
                .Append(Cell(p.AccessNeeds)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(string value) => SpreadsheetCells.Quote(value);
}
