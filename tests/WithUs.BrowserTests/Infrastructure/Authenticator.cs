using System.Globalization;

namespace WithUs.BrowserTests.Infrastructure;

/// <summary>
/// An authenticator app for one key. Each code it gives is from a later time step than the last: WithUs accepts each
/// step once (a replayed code is refused). To keep journeys fast it runs up to one step ahead of the clock, which
/// WithUs accepts for clock drift (±1 step), and beyond that waits for the clock to reach the next step.
/// </summary>
public sealed class Authenticator(string sharedKey)
{
    private readonly byte[] key = Totp.Base32Decode(sharedKey);
    private long lastStep = long.MinValue;

    public string SharedKey { get; } = sharedKey;

    public async Task<string> NextCodeAsync()
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var current = Totp.StepAt(now);
            var step = Math.Max(current, lastStep + 1);
            if (step <= current + 1)
            {
                lastStep = step;
                return Totp.Code(key, step);
            }

            // Not a guess at how long something takes: the code is usable once the clock reaches this instant.
            var usableFrom = DateTimeOffset.FromUnixTimeSeconds((step - 1) * Totp.StepSeconds);
            await Task.Delay(usableFrom - now + TimeSpan.FromMilliseconds(50));
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
