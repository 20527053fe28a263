namespace WithUs.Web.Features.Voice.Import;

/// <summary>One uploaded file: its check, its preview and errors, the import's progress and result.</summary>
public sealed class BatchModel(WithUsDbContext db, ImportProgress progress, ImportWorker worker) : OrganisationPageModel
{
    /// <summary>The batch without its file (see VoiceServices), read again on each poll while it runs.</summary>
    public ImportBatch Batch => RouteResource<ImportBatch>();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public ImportSummary? Summary { get; private set; }

    public ImportProgressState? Progress { get; private set; }

    public bool Running => Batch.Status is ImportStatus.Checking or ImportStatus.Importing;

    public void OnGet()
    {
        Errors = VoiceImporter.Errors(Batch);
        Summary = VoiceImporter.Summary(Batch);
        Progress = progress.Get(Batch.Id);
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
