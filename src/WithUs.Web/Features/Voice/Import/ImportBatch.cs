using System.Linq.Expressions;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// One uploaded CSV file on its way in: checked in the background, shown as a preview, then imported in one
/// transaction (all of it or none of it). The file itself is kept only until it has been imported or found wanting.
/// </summary>
public sealed class ImportBatch : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public required string FileName { get; set; }

    /// <summary>The file as uploaded; emptied once it is imported, fails or has errors, so personal data is not kept twice.</summary>
    public byte[] Content { get; set; } = [];

    public ImportStatus Status { get; set; }

    /// <summary>Rows in the file (not counting the column names), known once checked.</summary>
    public int TotalRows { get; set; }

    /// <summary>Contributions imported, once the import has finished.</summary>
    public int ProcessedRows { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>The first <see cref="ImportLimits.ErrorsKept"/> problems, as a JSON array of sentences naming the row.</summary>
    public string? ErrorsJson { get; set; }

    /// <summary>What the check found: a preview of the first rows, new themes, columns that will be ignored (JSON).</summary>
    public string? SummaryJson { get; set; }

    /// <summary>Why an import failed, in plain words.</summary>
    public string? Message { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>Set while a worker checks or imports it; another node may take it over once this has passed.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    public const int FileNameMaxLength = 200;
    public const int MessageMaxLength = 1000;

    /// <summary>A batch as the pages show it: everything but the uploaded file, which may be megabytes.</summary>
    public static readonly Expression<Func<ImportBatch, ImportBatch>> WithoutFile = b => new ImportBatch
    {
        Id = b.Id,
        OrganisationId = b.OrganisationId,
        FileName = b.FileName,
        Status = b.Status,
        TotalRows = b.TotalRows,
        ProcessedRows = b.ProcessedRows,
        ErrorCount = b.ErrorCount,
        ErrorsJson = b.ErrorsJson,
        SummaryJson = b.SummaryJson,
        Message = b.Message,
        CreatedByUserId = b.CreatedByUserId,
        CreatedAtUtc = b.CreatedAtUtc,
        CompletedAtUtc = b.CompletedAtUtc,
    };
}
