namespace WithUs.Web.Features.Voice.Import;

/// <summary>One uploaded file: its check, its preview and errors, the import's progress and result.</summary>
public sealed class BatchModel(WithUsDbContext db, ImportProgress progress, ImportWorker worker) : OrganisationPageModel
{

    public ImportBatch Batch { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public ImportSummary? Summary { get; private set; }

    public ImportProgressState? Progress { get; private set; }

    public bool Running => Batch.Status is ImportStatus.Checking or ImportStatus.Importing;

    public async Task<IActionResult> OnGetAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.AsNoTracking()
            .Where(b => b.Id == batchId)
            .Select(b => new ImportBatch
            {
                Id = b.Id,
                FileName = b.FileName,
                Status = b.Status,
                TotalRows = b.TotalRows,
                ProcessedRows = b.ProcessedRows,
                ErrorCount = b.ErrorCount,
                ErrorsJson = b.ErrorsJson,
                SummaryJson = b.SummaryJson,
                Message = b.Message,
                CreatedAtUtc = b.CreatedAtUtc,
                CompletedAtUtc = b.CompletedAtUtc,
            })
            .SingleAsync(cancellationToken);

        Batch = batch;
        Errors = VoiceImporter.Errors(batch);
        Summary = VoiceImporter.Summary(batch);
        Progress = progress.Get(batchId);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var started = await db.ImportBatches
            .Where(b => b.Id == batchId && b.Status == ImportStatus.Checked && b.ErrorCount == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Importing)
                                      .SetProperty(b => b.LockedUntilUtc, (DateTime?)null), cancellationToken);
        if (started == 1)
        {
            worker.Wake();
        }

        return RedirectToPage("/Voice/Import/Batch", new { org = Slug, batchId });
    }
}
