namespace WithUs.Web.Features.Voice.Import;

/// <summary>Plain words for where a batch has got to.</summary>
public static class ImportText
{
    public static string Status(ImportBatch batch) => batch.Status switch
    {
        ImportStatus.Checking => "being checked",
        ImportStatus.Checked when batch.ErrorCount > 0 => Count(batch.ErrorCount, "problem", "problems") + " to fix",
        ImportStatus.Checked => "checked, waiting for you to import it",
        ImportStatus.Importing => "importing",
        ImportStatus.Imported => "imported " + Count(batch.ProcessedRows, "contribution", "contributions"),
        _ => "not imported",
    };

    /// <summary>What an import did: "Imported 3 contributions", "Updated 3 contributions" or "Added 1 and updated 2 contributions".</summary>
    public static string Result(ImportBatch batch, ImportSummary? summary)
    {
        var updated = summary?.Updates ?? 0;
        var added = batch.ProcessedRows - updated;
        return updated == 0 ? "Imported " + Count(added, "contribution", "contributions")
            : added == 0 ? "Updated " + Count(updated, "contribution", "contributions")
            : string.Create(CultureInfo.InvariantCulture, $"Added {added:N0} and updated {updated:N0} contributions");
    }

    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}
