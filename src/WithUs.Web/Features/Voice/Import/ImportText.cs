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

    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}
