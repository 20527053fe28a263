using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// Everything held about the person signed in, in plain words, with a way to change each part and to download it all.
/// Only their own: the record linked to their account in this organisation, never anyone else's.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class IndexModel(WithUsDbContext db, EqualityMonitoring sealedDetails, TimeProvider clock, AuditLog audit) : OrganisationPageModel
{
    private static readonly JsonSerializerOptions FileOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public PersonalData Data { get; private set; } = null!;

    public DataRequest? WaitingRemoval { get; private set; }

    /// <summary>Their answer that stands for each thing they can agree to.</summary>
    public ConsentState Consents { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await LoadAsync(cancellationToken);
        if (person is not null)
        {
            Consents = await ConsentState.LoadAsync(db, person.Id, cancellationToken);
            WaitingRemoval = await RemovalRequests.WaitingAsync(db, person.Id, cancellationToken);
        }
    }

    /// <summary>The same, as a file for them to keep (JSON: readable, and what another service can read).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var person = await LoadAsync(cancellationToken);
        if (person is not null)
        {
            await audit.RecordAboutAsync("OwnDataDownloaded", nameof(Person), person.Id, cancellationToken: cancellationToken);
        }

        var day = OrganisationClock.For(Organisation, clock).Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(JsonSerializer.SerializeToUtf8Bytes(Data, FileOptions), "application/json", $"about-me-{Slug}-{day}.json");
    }

    private async Task<Person?> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User)!.Value;
        var person = await MyRecord.FindAsync(db, userId, cancellationToken);
        Data = await PersonalData.ForAsync(db, sealedDetails, userId, person, Organisation.Name, Role, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return person;
    }
}
