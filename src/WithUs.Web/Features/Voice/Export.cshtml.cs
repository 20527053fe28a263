using CsvHelper;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// Everything people said to this organisation, as CSV with every import column (so importing it again updates what
/// it matches by Id and changes nothing else) and three worked out by us. Streamed row by row, so a large
/// organisation's export does not sit in memory. An audited export.
/// </summary>
public sealed class ExportModel(WithUsDbContext db, AuditLog audit, OrganisationClock clock) : OrganisationPageModel
{
    public const string AuditAction = "VoiceExported";

    public static readonly IReadOnlyList<string> Columns =
    [
        ImportColumns.Id, ImportColumns.Text, ImportColumns.Kind, ImportColumns.Channel, ImportColumns.SaidOn,
        ImportColumns.Provenance, ImportColumns.RelayedBy, ImportColumns.Name, ImportColumns.Consent, ImportColumns.MayContact,
        ImportColumns.ContactBy, ImportColumns.Email, ImportColumns.Phone, ImportColumns.Themes, ImportColumns.LinkedTo,
        ImportColumns.Outcome, ImportColumns.NotPossibleReason, ImportColumns.OutcomeExplanation, ImportColumns.ToldOn,
        ImportColumns.ToldHow, ImportColumns.ToldOutcome, ImportColumns.ToldNote, ImportColumns.Published,
        ImportColumns.PublicSummary, ImportColumns.PublicOutcome, .. ImportColumns.ExportOnly,
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditAction, details: "All contributions as CSV", cancellationToken: cancellationToken);

        var stamp = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{Organisation.Slug}-contributions-{stamp}.csv\"";
        Response.Headers.CacheControl = "no-store";

        // Who added "me too" to what, so that Voices counts as the Voice pages do (VoiceCounts): one small pair per
        // "me too", read before the rows stream.
        var meToos = (await db.Contributions.AsNoTracking().Where(c => c.LinkedToId != null)
                .Select(c => new { Idea = c.LinkedToId!.Value, c.PersonId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.Idea, m => m.PersonId);

        // Cells are defused and quoted by SpreadsheetCells, which the import undoes exactly.
        var csv = CsvWriter.Create(Response.Body, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        await using (csv)
        {
            foreach (var column in Columns)
            {
                SpreadsheetCells.Write(csv, column);
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
                    c.PersonId,
                    Person = c.Person == null ? null : new { c.Person.Name, c.Person.MayContact, c.Person.ContactBy, c.Person.Email, c.Person.Phone },
                    Themes = c.Themes.Select(t => t.Theme!.Name).ToList(),
                    c.LinkedToId,
                    IdeaPersonId = c.LinkedTo == null ? c.PersonId : c.LinkedTo.PersonId,
                    c.Outcome,
                    c.NotPossibleReason,
                    c.OutcomeExplanation,
                    c.ToldAtUtc,
                    c.ToldHow,
                    c.ToldOutcome,
                    c.ToldNote,
                    c.IsPublished,
                    c.PublicSummary,
                    c.PublicOutcome,
                    c.CreatedAtUtc,
                    c.Source,
                })
                .AsAsyncEnumerable();
            await foreach (var c in rows.WithCancellation(cancellationToken))
            {
                var idea = c.LinkedToId ?? c.Id;
                var contact = c.Person is { MayContact: true } ? c.Person : null;
                string?[] cells =
                [
                    c.Id.ToString(),
                    c.Text,
                    c.Kind.DisplayName(),
                    c.Channel.DisplayName(),
                    Date(c.SaidOnUtc),
                    c.Provenance == Provenance.FirstHand ? "First-hand" : "On their behalf",
                    c.RelayedBy,
                    c.Person?.Name,
                    c.Person is null ? null : "Yes",
                    c.Person is null ? null : contact is null ? "No" : "Yes",
                    contact?.ContactBy?.DisplayName(),
                    contact?.Email,
                    contact?.Phone,
                    string.Join(" | ", c.Themes.Order(StringComparer.OrdinalIgnoreCase)),
                    c.LinkedToId?.ToString(),
                    c.Outcome.DisplayName(),
                    c.NotPossibleReason?.DisplayName(),
                    c.OutcomeExplanation,
                    c.ToldAtUtc is { } told ? clock.DayOf(told).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    c.ToldHow?.DisplayName(),
                    c.ToldOutcome?.DisplayName(),
                    c.ToldNote,
                    c.IsPublished ? "Yes" : "No",
                    c.PublicSummary,
                    c.PublicOutcome,
                    clock.Local(c.CreatedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    c.Source.DisplayName(),
                    VoiceCounts.Of(meToos[idea].Prepend(c.IdeaPersonId)).ToString(CultureInfo.InvariantCulture),
                ];
                foreach (var cell in cells)
                {
                    SpreadsheetCells.Write(csv, cell);
                }

                await csv.EndRecordAsync(cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        return new EmptyResult();
    }

    // Days without a time as they are stored; instants in the organisation's local time.
    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
