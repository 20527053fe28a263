using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Voice.Import;

[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class IndexModel(WithUsDbContext db, OrganisationClock clock, ImportWorker worker) : OrganisationPageModel
{
    /// <summary>Room above the 20 MB file limit for the rest of the form, so a file just over it gets our message.</summary>
    private const long RequestLimit = ImportLimits.MaxFileBytes + (4 * 1024 * 1024);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportBatch> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var error = await CheckUploadAsync(cancellationToken);
        if (error is not null)
        {
            await LoadAsync(cancellationToken);
            return Invalid(nameof(Upload), error);
        }

        var batch = new ImportBatch
        {
            Id = Ids.New(),
            FileName = FileName(Upload!.FileName),
            Content = content,
            Status = ImportStatus.Checking,
            CreatedByUserId = CurrentUser.Id(User)!.Value,
            CreatedAtUtc = clock.UtcNow,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        worker.Wake();
        return RedirectToPage("/Voice/Import/Batch", new { org = Slug, batchId = batch.Id });
    }

    private byte[] content = [];

    private async Task<string?> CheckUploadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null)
        {
            return "Choose a CSV file to upload";
        }

        if (Upload.Length > ImportLimits.MaxFileBytes)
        {
            return "The file is larger than 20 MB. Split it into smaller files and import them one at a time";
        }

        var extension = Path.GetExtension(Upload.FileName);
        if (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return "The file must be a CSV file. In your spreadsheet, use 'Save as' and choose 'CSV UTF-8' or 'CSV'";
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, cancellationToken);
        content = buffer.ToArray();

        // The content decides, not the name: an empty file, a picture renamed .csv or a file without our columns is
        // refused here; the rows are checked in the background, where a large file can take its time.
        var reader = ImportReader.Open(content, clock.StoredToday);
        return reader.FileError;
    }

    private static string FileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "upload.csv" : clean.Length > ImportBatch.FileNameMaxLength ? clean[..ImportBatch.FileNameMaxLength] : clean;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Recent = await db.ImportBatches.AsNoTracking()
            .OrderByDescending(b => b.CreatedAtUtc)
            .Take(5)
            .Select(ImportBatch.WithoutFile)
            .ToListAsync(cancellationToken);
}
