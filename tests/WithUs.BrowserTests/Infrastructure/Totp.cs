using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace WithUs.BrowserTests.Infrastructure;

/// <summary>RFC 6238 time-based one-time passwords, as an authenticator app makes them: HMAC-SHA1, 30 s, 6 digits.</summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, ignoring spaces, hyphens, case and padding (the app shows "abcd efgh ...").</summary>
    public static byte[] DecodeBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}

/// <summary>
/// An authenticator app for one key. Each code it gives is from a later time step than the last: WithUs accepts each
/// step once (a replayed code is refused). To keep journeys fast it runs up to one step ahead of the clock, which
/// WithUs accepts for clock drift (±1 step), and waits beyond that.
/// </summary>
public sealed class Authenticator(string sharedKey)
{
    private readonly byte[] key = Totp.DecodeBase32(sharedKey);
    private long lastStep = long.MinValue;

    public string SharedKey { get; } = sharedKey;

    public async Task<string> NextCodeAsync()
    {
        while (true)
        {
            var now = Totp.StepAt(DateTimeOffset.UtcNow);
            var step = Math.Max(now, lastStep + 1);
            if (step <= now + 1)
            {
                lastStep = step;
                return Totp.Code(key, step);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>A 6-digit code that no step near now (well beyond the server's ±1 step) would accept.</summary>
    public string WrongCode()
    {
        var now = Totp.StepAt(DateTimeOffset.UtcNow);
        var valid = Enumerable.Range(-3, 7).Select(i => Totp.Code(key, now + i)).ToHashSet();
        for (var candidate = 0; ; candidate++)
        {
            var code = candidate.ToString("D6", CultureInfo.InvariantCulture);
            if (!valid.Contains(code))
            {
                return code;
            }
        }
    }
}
