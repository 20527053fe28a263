using CsvHelper;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// Everything people said to this organisation, as CSV with the import's columns (so it can be imported again) and
/// a few more. Streamed row by row, so a large organisation's export does not sit in memory. An audited export.
/// </summary>
public sealed class ExportModel(WithUsDbContext db, AuditLog audit, OrganisationClock clock) : OrganisationPageModel
{
    public const string AuditAction = "VoiceExported";

    public static readonly IReadOnlyList<string> Columns =
    [
        "Id", ImportColumns.Text, ImportColumns.Kind, ImportColumns.Channel, ImportColumns.SaidOn, ImportColumns.Provenance,
        ImportColumns.RelayedBy, ImportColumns.Name, ImportColumns.Consent, ImportColumns.Themes, ImportColumns.Outcome,
        ImportColumns.NotPossibleReason, ImportColumns.OutcomeExplanation, "Told on", "Published", "Public summary",
        "Recorded at", "Source", "Voices", "Adds voice to",
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditAction, details: "All contributions as CSV", cancellationToken: cancellationToken);

        var stamp = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{Organisation.Slug}-contributions-{stamp}.csv\"";
        Response.Headers.CacheControl = "no-store";

        // Injection guard: a cell starting with = + - @, a tab or a carriage return gets a ' in front, so a
        // spreadsheet shows it as text rather than running it (an import takes the ' off again).
        var csv = CsvWriter.Create(Response.Body, new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        }, leaveOpen: true);
        await using (csv)
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            await csv.EndRecordAsync(cancellationToken);
            var rows = db.Contributions.AsNoTracking()
                .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.Id,
                    c.Text,
                    c.Kind,
                    c.Channel,
                    c.SaidOnUtc,
                    c.Provenance,
                    c.RelayedBy,
                    Name = c.Person == null ? null : c.Person.Name,
                    Themes = c.Themes.Select(t => t.Theme!.Name).ToList(),
                    c.Outcome,
                    c.NotPossibleReason,
                    c.OutcomeExplanation,
                    c.ToldAtUtc,
                    c.IsPublished,
                    c.PublicSummary,
                    c.CreatedAtUtc,
                    c.Source,
                    Voices = c.Voices.Count,
                    c.LinkedToId,
                })
                .AsAsyncEnumerable();
            await foreach (var c in rows.WithCancellation(cancellationToken))
            {
                csv.WriteField(c.Id.ToString());
                csv.WriteField(c.Text);
                csv.WriteField(c.Kind.DisplayName());
                csv.WriteField(c.Channel.DisplayName());
                csv.WriteField(Date(c.SaidOnUtc));
                csv.WriteField(c.Provenance == Provenance.FirstHand ? "First-hand" : "On their behalf");
                csv.WriteField(c.RelayedBy ?? "");
                csv.WriteField(c.Name ?? "");
                csv.WriteField(c.Name is null ? "" : "Yes");
                csv.WriteField(string.Join(" | ", c.Themes.Order(StringComparer.OrdinalIgnoreCase)));
                csv.WriteField(c.Outcome.DisplayName());
                csv.WriteField(c.NotPossibleReason?.DisplayName() ?? "");
                csv.WriteField(c.OutcomeExplanation ?? "");
                csv.WriteField(c.ToldAtUtc is { } told ? Date(clock.Local(told)) : "");
                csv.WriteField(c.IsPublished ? "Yes" : "No");
                csv.WriteField(c.PublicSummary ?? "");
                csv.WriteField(clock.Local(c.CreatedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(c.Source.DisplayName());
                csv.WriteField(c.Voices.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(c.LinkedToId?.ToString() ?? "");
                await csv.EndRecordAsync(cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        return new EmptyResult();
    }

    // Days without a time as they are stored; instants in the organisation's local time.
    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
