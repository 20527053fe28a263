using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// What a file means for the contributions already here, worked out before anything is saved and again inside the
/// import's transaction: which rows update a contribution (matched by Id, in this organisation only: the organisation
/// filter decides what "here" is), which add one, the "me too" links between them, and the rule that one person has
/// one set of contact choices. An Id that is not here, from another organisation or deleted since, never matches: the
/// row is added as a new contribution with a new Id, and "Adds voice to" that Id means that new contribution.
/// </summary>
public sealed class ImportPlan
{
    private readonly Dictionary<Guid, Existing> matched = [];
    private readonly Dictionary<Guid, Guid> added = [];
    private readonly HashSet<Guid> addedIds = [];
    private readonly Dictionary<Guid, bool> outsideTargets = [];

    private ImportPlan()
    {
    }

    /// <summary>A contribution here that a row names by Id, as it is before the import.</summary>
    public sealed record Existing(Guid? LinkedToId, Guid? PersonId, string? PersonName);

    public int Updates => matched.Count;

    public int Additions { get; private set; }

    /// <summary>Rows with an Id that is not here: they are added as new.</summary>
    public int UnknownIds => added.Count;

    /// <summary>Problems that need the whole file, or what is here, to see; by row.</summary>
    public List<(int Row, string Error)> Errors { get; } = [];

    private sealed record Entry(int Row, Guid? Id, Guid? LinkedTo, string? Name, ContactChoice Contact);

    public static async Task<ImportPlan> BuildAsync(WithUsDbContext db, ImportReader reader, IEnumerable<ImportRow> rows,
        CancellationToken cancellationToken)
    {
        var plan = new ImportPlan();
        var entries = rows.Select(r => new Entry(r.RowNumber, r.Id, r.LinkedTo, r.Name, r.Contact)).ToList();
        var rowOf = new Dictionary<Guid, int>();
        foreach (var entry in entries.Where(e => e.Id is not null))
        {
            if (!rowOf.TryAdd(entry.Id!.Value, entry.Row))
            {
                plan.Errors.Add((entry.Row, $"Row {entry.Row}: the Id is the same as row {rowOf[entry.Id.Value]}'s. Each contribution can appear only once"));
            }
        }

        var ids = rowOf.Keys.ToList();
        foreach (var c in await db.Contributions.AsNoTracking().Where(c => ids.Contains(c.Id))
                     .Select(c => new { c.Id, c.LinkedToId, c.PersonId, PersonName = c.Person == null ? null : c.Person.Name })
                     .ToListAsync(cancellationToken))
        {
            plan.matched[c.Id] = new Existing(c.LinkedToId, c.PersonId, c.PersonName);
        }

        foreach (var id in ids.Where(id => !plan.matched.ContainsKey(id)))
        {
            var fresh = Ids.New();
            plan.added[id] = fresh;
            plan.addedIds.Add(fresh);
        }

        plan.Additions = entries.Count - plan.matched.Count;
        var outside = entries.Select(e => e.LinkedTo).OfType<Guid>().Where(t => !rowOf.ContainsKey(t)).Distinct().ToList();
        foreach (var t in await db.Contributions.AsNoTracking().Where(c => outside.Contains(c.Id))
                     .Select(c => new { c.Id, c.LinkedToId }).ToListAsync(cancellationToken))
        {
            plan.outsideTargets[t.Id] = t.LinkedToId is null;
        }

        var linkOf = entries.Where(e => e.Id is not null).GroupBy(e => e.Id!.Value).ToDictionary(g => g.Key, g => g.First().LinkedTo);
        var meToos = entries.Where(e => e.LinkedTo is not null && e.Id is { } id && plan.matched.ContainsKey(id)).Select(e => e.Id!.Value).ToList();
        var votedFor = (await db.Contributions.AsNoTracking()
                .Where(c => c.LinkedToId != null && meToos.Contains(c.LinkedToId.Value))
                .Select(c => new { c.Id, Target = c.LinkedToId!.Value }).ToListAsync(cancellationToken))
            .Where(v => !rowOf.ContainsKey(v.Id)).Select(v => v.Target).ToHashSet();
        var targetsInFile = entries.Select(e => e.LinkedTo).OfType<Guid>().Where(rowOf.ContainsKey).ToHashSet();

        var contacts = new Dictionary<string, (int Row, ContactChoice Contact)>(StringComparer.OrdinalIgnoreCase);
        var contactInFile = reader.Has(ImportColumns.MayContact);
        foreach (var entry in entries)
        {
            if (entry.LinkedTo is { } target)
            {
                if (rowOf.TryGetValue(target, out var targetRow))
                {
                    if (linkOf[target] is not null)
                    {
                        plan.Errors.Add((entry.Row, $"Row {entry.Row}: it adds its voice to row {targetRow}, which adds its own voice to another idea. Add it to that idea instead"));
                    }
                }
                else if (!plan.outsideTargets.TryGetValue(target, out var isIdea))
                {
                    plan.Errors.Add((entry.Row, $"Row {entry.Row}: '{ImportColumns.LinkedTo}' is an Id we do not have here and that is not in the file. Check it, or leave it blank"));
                }
                else if (!isIdea)
                {
                    plan.Errors.Add((entry.Row, $"Row {entry.Row}: it adds its voice to a contribution that adds its own voice to another idea. Add it to that idea instead"));
                }

                if (entry.Id is { } id && (targetsInFile.Contains(id) || votedFor.Contains(id)))
                {
                    plan.Errors.Add((entry.Row, $"Row {entry.Row}: others add their voice to it, so it cannot add its voice to another idea. Clear '{ImportColumns.LinkedTo}'"));
                }
            }

            var key = contactInFile ? plan.PersonKey(entry.Id, entry.Name, reader.Has(ImportColumns.Name)) : null;
            if (key is null && entry.Contact.MayContact)
            {
                plan.Errors.Add((entry.Row, $"Row {entry.Row}: '{ImportColumns.MayContact}' is Yes but there is no name. We can only contact someone whose name we keep"));
            }
            else if (key is not null)
            {
                if (!contacts.TryAdd(key, (entry.Row, entry.Contact)) && contacts[key].Contact != entry.Contact)
                {
                    plan.Errors.Add((entry.Row, $"Row {entry.Row}: the contact choices differ from row {contacts[key].Row}'s for the same person. Give them the same choices on every row"));
                }
            }
        }

        plan.Errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return plan;
    }

    /// <summary>The contribution this row updates, or null when it adds one.</summary>
    public Existing? Match(ImportRow row) => row.Id is { } id && matched.TryGetValue(id, out var existing) ? existing : null;

    /// <summary>The Id the row's contribution has once imported.</summary>
    public Guid IdOf(ImportRow row) => row.Id is not { } id ? Ids.New() : added.TryGetValue(id, out var fresh) ? fresh : id;

    /// <summary>The Id of the idea the row adds its voice to, once imported.</summary>
    public Guid? LinkOf(ImportRow row) => row.LinkedTo is not { } target ? null : added.TryGetValue(target, out var fresh) ? fresh : target;

    /// <summary>Whether the link names a contribution that is added by this import (so it may not be saved yet).</summary>
    public bool IsAdded(Guid id) => addedIds.Contains(id);

    /// <summary>
    /// The person an updated row keeps: the one it has, while the file leaves the name out or gives the same name.
    /// Any other name is a person of the file (one per name), as for a new row.
    /// </summary>
    public Guid? KeptPerson(ImportRow row, bool nameInFile) => Kept(row.Id, row.Name, nameInFile);

    private Guid? Kept(Guid? id, string? name, bool nameInFile) =>
        id is { } known && matched.TryGetValue(known, out var existing) && existing.PersonId is { } person
        && (!nameInFile || string.Equals(existing.PersonName, name, StringComparison.Ordinal))
            ? person
            : null;

    private string? PersonKey(Guid? id, string? name, bool nameInFile) =>
        Kept(id, name, nameInFile) is { } person ? person.ToString() : name is null ? null : "name:" + name;
}
