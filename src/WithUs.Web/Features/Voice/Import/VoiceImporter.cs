using System.Text.Json;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// Checks and imports a batch, acting in its organisation (the scope's tenant must be set). The import is one
/// transaction: every row goes in, or none does. Rows are saved in chunks with the change tracker cleared between
/// them, so memory stays flat however long the file is; the similarity index is written by the usual interceptor.
/// </summary>
public sealed class VoiceImporter(
    WithUsDbContext db,
    TimeProvider clock,
    OrganisationClock days,
    ImportProgress progress,
    ImportHooks hooks,
    BulkContributions bulk,
    ILogger<VoiceImporter> logger)
{
    public const string AuditAction = "VoiceImported";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Errors(ImportBatch batch) =>
        batch.ErrorsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(batch.ErrorsJson, Json) ?? [];

    public static ImportSummary? Summary(ImportBatch batch) =>
        batch.SummaryJson is null ? null : JsonSerializer.Deserialize<ImportSummary>(batch.SummaryJson, Json);

    public async Task CheckAsync(Guid batchId, CancellationToken cancellationToken)
    {
        try
        {
            await CheckRowsAsync(batchId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import {BatchId} could not be checked", batchId);
            await db.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, ImportStatus.Failed)
                .SetProperty(b => b.Message, "We could not read this file, so nothing was imported. Check that it is a CSV file saved from a spreadsheet.")
                .SetProperty(b => b.Content, Array.Empty<byte>())
                .SetProperty(b => b.CompletedAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(b => b.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        finally
        {
            progress.Finish(batchId);
        }
    }

    private async Task CheckRowsAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
        var reader = ImportReader.Open(batch.Content, days.StoredToday);
        var errors = new List<string>();
        var errorCount = 0;
        var total = 0;
        var preview = new List<PreviewRow>();
        var themes = new List<string>();
        var seenThemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (reader.FileError is not null)
        {
            errors.Add(reader.FileError);
            errorCount = 1;
        }

        foreach (var result in reader.Rows())
        {
            total++;
            if (result.Row is not { } row)
            {
                errorCount += result.Errors.Count;
                errors.AddRange(result.Errors.Take(ImportLimits.ErrorsKept - errors.Count));
            }
            else
            {
                if (preview.Count < ImportLimits.PreviewRows)
                {
                    preview.Add(Preview(row));
                }

                themes.AddRange(row.Themes.Where(seenThemes.Add));
            }

            if (total % 500 == 0)
            {
                progress.Report(batchId, total, 0, (int)(reader.Fraction * 100));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (reader.FileError is null && total == 0)
        {
            errors.Add("The file has the column names but no rows under them. Add one row for each thing said");
            errorCount = 1;
        }

        ImportPlan? plan = null;
        if (errorCount == 0 && total > 0)
        {
            // Matching needs the whole file, so it waits until every row reads well.
            plan = await ImportPlan.BuildAsync(db, reader, ValidRows(reader), cancellationToken);
            errorCount += plan.Errors.Count;
            errors.AddRange(plan.Errors.Select(e => e.Error).Take(ImportLimits.ErrorsKept - errors.Count));
        }

        var existing = (await db.Themes.Select(t => t.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var summary = new ImportSummary(preview, [.. themes.Where(t => !existing.Contains(t))], reader.IgnoredColumns,
            reader.Delimiter switch { ';' => "semicolons", '\t' => "tabs", _ => "commas" })
        {
            Updates = plan?.Updates ?? 0,
            UnknownIds = plan?.UnknownIds ?? 0,
        };
        var hasErrors = errorCount > 0;
        await db.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Checked)
            .SetProperty(b => b.TotalRows, total)
            .SetProperty(b => b.ErrorCount, errorCount)
            .SetProperty(b => b.ErrorsJson, JsonSerializer.Serialize(errors, Json))
            .SetProperty(b => b.SummaryJson, JsonSerializer.Serialize(summary, Json))
            .SetProperty(b => b.LockedUntilUtc, (DateTime?)null), cancellationToken);
        if (hasErrors)
        {
            // It cannot be imported as it is: a corrected file is a new upload, so this copy of the data goes.
            await db.ImportBatches.Where(b => b.Id == batchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Content, Array.Empty<byte>()), cancellationToken);
        }

        progress.Finish(batchId);
    }

    public async Task<int> ImportAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
        try
        {
            var imported = await ImportInOneTransactionAsync(batch, cancellationToken);
            logger.LogInformation("Import {BatchId} saved {Count} contributions", batchId, imported);
            return imported;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var message = ex is ImportFailedException
                ? ex.Message
                : "Something went wrong while saving, so nothing was imported. Try again; if it happens again, contact support.";
            if (ex is not ImportFailedException)
            {
                logger.LogError(ex, "Import {BatchId} failed and was rolled back", batchId);
            }

            await db.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, ImportStatus.Failed)
                .SetProperty(b => b.Message, message)
                .SetProperty(b => b.Content, Array.Empty<byte>())
                .SetProperty(b => b.CompletedAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(b => b.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            return 0;
        }
        finally
        {
            progress.Finish(batchId);
        }
    }

    private async Task<int> ImportInOneTransactionAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reader = ImportReader.Open(batch.Content, days.StoredToday);
        if (reader.FileError is not null)
        {
            throw new ImportFailedException(reader.FileError);
        }

        await using var writing = await BulkWriting.BeginAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await ImportPlan.BuildAsync(db, reader, ValidRows(reader), cancellationToken);
        if (plan.Errors.Count > 0)
        {
            throw new ImportFailedException("What is here has changed since the file was checked: "
                                            + string.Join("; ", plan.Errors.Take(5).Select(e => e.Error)));
        }

        var saving = new ImportChunk(db, reader, plan, batch, now, days, bulk);
        await saving.LoadThemesAsync(cancellationToken);
        var chunk = Math.Max(1, hooks.ChunkSize);
        var rows = new List<ImportRow>(chunk);
        var done = 0;
        foreach (var row in ValidRows(reader))
        {
            rows.Add(row);
            if (rows.Count < chunk)
            {
                continue;
            }

            await saving.SaveAsync(rows, cancellationToken);
            done += rows.Count;
            rows.Clear();
            progress.Report(batch.Id, done, batch.TotalRows, batch.TotalRows == 0 ? 0 : done * 100 / batch.TotalRows);
            if (hooks.AfterChunkAsync is { } after)
            {
                await after(done);
            }
        }

        await saving.SaveAsync(rows, cancellationToken);
        done += rows.Count;
        if (done == 0)
        {
            throw new ImportFailedException("The file has no rows to import.");
        }

        await saving.LinkLaterRowsAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Ids.New(),
            AtUtc = now,
            ActorUserId = batch.CreatedByUserId,
            OrganisationId = batch.OrganisationId,
            Action = AuditAction,
            Details = string.Create(CultureInfo.InvariantCulture,
                $"{plan.Additions} contributions added and {plan.Updates} updated from {Shorten(batch.FileName)}"),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // The batch becomes "imported" in the same transaction as its rows: both happen, or neither does.
        var finished = clock.GetUtcNow().UtcDateTime;
        // The preview rows (names among them) served the check; once imported they would only keep a copy of what a
        // person may later ask to have erased, so they go with the file.
        var summary = Summary(batch) is { } checkedSummary
            ? checkedSummary with { Preview = [], Updates = plan.Updates, UnknownIds = plan.UnknownIds }
            : null;
        await db.ImportBatches.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Imported)
            .SetProperty(b => b.ProcessedRows, done)
            .SetProperty(b => b.SummaryJson, summary == null ? batch.SummaryJson : JsonSerializer.Serialize(summary, Json))
            .SetProperty(b => b.Content, Array.Empty<byte>())
            .SetProperty(b => b.CompletedAtUtc, finished)
            .SetProperty(b => b.LockedUntilUtc, (DateTime?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await bulk.CommittedAsync(batch.OrganisationId, CancellationToken.None);
        return done;
    }

    /// <summary>The rows of a file that has been checked; a row that no longer reads well means the file has changed.</summary>
    private static IEnumerable<ImportRow> ValidRows(ImportReader reader) =>
        reader.Rows().Select(result => result.Row
            ?? throw new ImportFailedException("The file has changed since it was checked: " + string.Join("; ", result.Errors)));

    private static string Shorten(string value) => value.Length > 100 ? value[..100] : value;

    private static PreviewRow Preview(ImportRow row) => new(
        row.RowNumber,
        row.Text,
        row.Kind.DisplayName(),
        row.Channel.DisplayName(),
        row.SaidOnUtc.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        row.Provenance == Provenance.FirstHand ? "First-hand" : "On their behalf" + (row.RelayedBy is null ? "" : $" (by {row.RelayedBy})"),
        row.Name,
        string.Join(", ", row.Themes),
        row.Outcome.DisplayName());
}
