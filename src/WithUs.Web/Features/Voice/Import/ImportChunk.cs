using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// Saves an import's rows a chunk at a time, with the change tracker cleared after each, adding new contributions and
/// updating those the plan matched. An updated contribution changes only in the columns the file has; what the file
/// cannot say (who recorded it and when, where it came from) stays as it was. New people, new themes and updates go
/// through the change tracker (people's records are audited); new contributions, their themes and their index, the
/// bulk of a large file, are written in bulk after them (<see cref="BulkContributions"/>).
/// </summary>
internal sealed class ImportChunk(WithUsDbContext db, ImportReader reader, ImportPlan plan, ImportBatch batch, DateTime now,
    OrganisationClock days, BulkContributions bulk)
{
    private readonly Dictionary<string, Guid> themes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> people = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> saved = [];
    private readonly List<(Guid Contribution, Guid Idea)> later = [];
    private readonly List<Contribution> adding = [];
    private readonly HashSet<Guid> addingIds = [];
    private readonly List<ContributionTheme> addingThemes = [];
    private Dictionary<Guid, Person> keptPeople = [];

    public async Task LoadThemesAsync(CancellationToken cancellationToken)
    {
        foreach (var theme in await db.Themes.AsNoTracking().OrderBy(t => t.CreatedAtUtc).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
        {
            themes.TryAdd(theme.Name, theme.Id);
        }
    }

    public async Task SaveAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var ids = rows.Where(r => plan.Match(r) is not null).Select(r => r.Id!.Value).ToList();
        var existing = ids.Count == 0
            ? []
            : await db.Contributions
                .Include(c => c.Themes)
                .AsSplitQuery()
                .Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, cancellationToken);
        var nameInFile = reader.Has(ImportColumns.Name);
        var kept = rows.Select(r => plan.KeptPerson(r, nameInFile)).OfType<Guid>().Distinct().ToList();
        keptPeople = reader.Has(ImportColumns.MayContact) && kept.Count > 0
            ? await db.People.Where(p => kept.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken)
            : [];
        foreach (var row in rows)
        {
            var contribution = plan.Match(row) is null ? Add(row) : existing[row.Id!.Value];
            Apply(row, contribution, isNew: plan.Match(row) is null);
        }

        await db.SaveChangesAsync(cancellationToken);
        await bulk.WriteAsync(db, adding, addingThemes, cancellationToken);
        adding.Clear();
        addingIds.Clear();
        addingThemes.Clear();
        db.ChangeTracker.Clear();
    }

    /// <summary>"Me too" links to a row that came later in the file, once every row is saved.</summary>
    public async Task LinkLaterRowsAsync(CancellationToken cancellationToken)
    {
        foreach (var (contribution, idea) in later)
        {
            await db.Contributions.Where(c => c.Id == contribution)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedToId, idea), cancellationToken);
        }
    }

    private Contribution Add(ImportRow row)
    {
        var contribution = new Contribution
        {
            Id = plan.IdOf(row),
            Text = row.Text,
            Source = ContributionSource.Import,
            RecordedByUserId = batch.CreatedByUserId,
            CreatedAtUtc = now,
        };
        adding.Add(contribution);
        addingIds.Add(contribution.Id);
        saved.Add(contribution.Id);
        return contribution;
    }

    private void Apply(ImportRow row, Contribution c, bool isNew)
    {
        bool Sets(string column) => isNew || reader.Has(column);

        c.Text = row.Text;
        if (Sets(ImportColumns.Kind))
        {
            c.Kind = row.Kind;
        }

        if (Sets(ImportColumns.Channel))
        {
            c.Channel = row.Channel;
        }

        if (Sets(ImportColumns.SaidOn))
        {
            c.SaidOnUtc = row.SaidOnUtc;
        }

        if (Sets(ImportColumns.Provenance) || Sets(ImportColumns.RelayedBy))
        {
            c.Provenance = row.Provenance;
            c.RelayedBy = row.Provenance == Provenance.OnTheirBehalf ? row.RelayedBy : null;
        }

        if (Sets(ImportColumns.Name) || Sets(ImportColumns.MayContact))
        {
            ApplyPerson(row, c, isNew);
        }

        if (Sets(ImportColumns.Themes))
        {
            ApplyThemes(row, c, isNew);
        }

        if (Sets(ImportColumns.LinkedTo))
        {
            var idea = plan.LinkOf(row);
            // An update is saved before this chunk's new rows are written, so its link to one of them waits too.
            if (idea is { } target && plan.IsAdded(target) && (!saved.Contains(target) || (!isNew && addingIds.Contains(target))))
            {
                later.Add((c.Id, target));
                idea = null;
            }

            c.LinkedToId = idea;
        }

        if (Sets(ImportColumns.Outcome))
        {
            if (c.Outcome != row.Outcome || isNew)
            {
                c.OutcomeAtUtc = row.Outcome == OutcomeStatus.New ? null : now;
            }

            c.Outcome = row.Outcome;
            c.NotPossibleReason = row.NotPossibleReason;
        }

        if (Sets(ImportColumns.OutcomeExplanation))
        {
            c.OutcomeExplanation = row.OutcomeExplanation;
        }

        ApplyTold(row, c, Sets);
        if (Sets(ImportColumns.Published))
        {
            c.PublishedAtUtc = !row.Published ? null : c.IsPublished ? c.PublishedAtUtc : now;
            c.IsPublished = row.Published;
        }

        if (Sets(ImportColumns.PublicSummary))
        {
            c.PublicSummary = row.PublicSummary;
        }

        if (Sets(ImportColumns.PublicOutcome))
        {
            c.PublicOutcome = row.PublicOutcome;
        }
    }

    private void ApplyTold(ImportRow row, Contribution c, Func<string, bool> sets)
    {
        var sameDay = c.ToldAtUtc is { } told && row.ToldOn == days.DayOf(told);
        if (sets(ImportColumns.ToldOn))
        {
            // The file has the day only: the moment stays as it was while the day is the same.
            c.ToldAtUtc = sameDay ? c.ToldAtUtc : row.ToldOn is { } day ? days.StartOfDayUtc(day) : null;
        }

        if (sets(ImportColumns.ToldHow))
        {
            c.ToldHow = row.ToldHow;
        }

        if (sets(ImportColumns.ToldNote))
        {
            c.ToldNote = row.ToldNote;
        }

        if (reader.Has(ImportColumns.ToldOutcome))
        {
            c.ToldOutcome = row.ToldOn is null ? null : row.ToldOutcome;
        }
        else if (sets(ImportColumns.ToldOn) && !sameDay)
        {
            // A file without the column: they were told the outcome it gives.
            c.ToldOutcome = row.ToldOn is null || row.Outcome == OutcomeStatus.New ? null : row.Outcome;
        }
    }

    private void ApplyPerson(ImportRow row, Contribution c, bool isNew)
    {
        var nameInFile = reader.Has(ImportColumns.Name);
        var kept = isNew ? null : plan.KeptPerson(row, nameInFile);
        if (kept is { } personId)
        {
            if (keptPeople.TryGetValue(personId, out var person))
            {
                // An email or phone column left out of the file keeps the one we have, for the way they chose.
                var contact = row.Contact;
                contact = reader.Has(ImportColumns.Email) || contact.By != ContactMethod.Email ? contact : contact with { Email = person.Email };
                contact = reader.Has(ImportColumns.Phone) || contact.By is not (ContactMethod.Phone or ContactMethod.TextMessage)
                    ? contact
                    : contact with { Phone = person.Phone };
                // Files have no columns for a postal address or a worker: the ones we have stay, for the way they chose.
                contact = contact with { Address = person.PostalAddress, Worker = person.ThroughWorker };
                PeopleRegister.SetContact(db, person, contact, Consented(row), now);
            }

            return;
        }

        if (!isNew && !nameInFile)
        {
            return;
        }

        if (row.Name is not { } name)
        {
            c.PersonId = null;
            return;
        }

        if (!people.TryGetValue(name, out var id))
        {
            id = Ids.New();
            people[name] = id;
            // A file without the column did not ask them about contact.
            PeopleRegister.Add(db, name, reader.Has(ImportColumns.MayContact) ? row.Contact : null, Consented(row), now, id: id);
        }

        c.PersonId = id;
    }

    /// <summary>How the person on this row agreed: the channel they spoke through, or whoever passed it on, written
    /// down by whoever imported the file.</summary>
    private ConsentSource Consented(ImportRow row) =>
        ConsentSource.FromCapture(row.Channel, row.Provenance, row.RelayedBy, batch.CreatedByUserId);

    private void ApplyThemes(ImportRow row, Contribution c, bool isNew)
    {
        var wanted = new HashSet<Guid>();
        foreach (var themeName in row.Themes)
        {
            if (!themes.TryGetValue(themeName, out var themeId))
            {
                themeId = Ids.New();
                themes[themeName] = themeId;
                db.Themes.Add(new Theme { Id = themeId, Name = themeName, CreatedAtUtc = now });
            }

            wanted.Add(themeId);
        }

        if (isNew)
        {
            addingThemes.AddRange(wanted.Select(themeId => new ContributionTheme { Id = Ids.New(), ContributionId = c.Id, ThemeId = themeId }));
            return;
        }

        foreach (var link in c.Themes.Where(t => !wanted.Contains(t.ThemeId)).ToList())
        {
            db.ContributionThemes.Remove(link);
        }

        foreach (var themeId in wanted.Where(t => c.Themes.All(link => link.ThemeId != t)))
        {
            db.ContributionThemes.Add(new ContributionTheme { Id = Ids.New(), ContributionId = c.Id, ThemeId = themeId });
        }
    }
}
