using System.Security.Cryptography;

namespace WithUs.Web.Features.Setup;

/// <summary>
/// Until the first administrator exists, WithUs is open to whoever reaches it first. The set-up page therefore asks
/// for a token that is only ever printed to the console of the machine running WithUs. Held in memory, never stored.
/// </summary>
public sealed class SetupToken
{
    private readonly string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public bool IsValid(string? candidate) =>
        candidate is not null
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)),
            System.Text.Encoding.UTF8.GetBytes(token));

    /// <summary>Grouped in fours so it can be read aloud or typed from another screen.</summary>
    public string Display => string.Join('-', token.Chunk(4).Select(c => new string(c)));

    /// <summary>Exposed for the test harness, which cannot read the console of an in-process server.</summary>
    internal string Value => token;

    public static Task<bool> IsSetUpAsync(WithUsDbContext db, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(cancellationToken);
}
