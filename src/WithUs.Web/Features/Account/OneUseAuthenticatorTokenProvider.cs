using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), accepted once each. Identity's own provider
/// accepts the same code again for as long as it is current, so a code seen over someone's shoulder could be replayed.
/// This one remembers the last step a person used and refuses it and anything older. A step either side of now is
/// allowed for phones whose clocks drift.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private const string LoginProvider = "[WithUs]";
    private const string LastStepName = "LastAuthenticatorStep";
    private const int StepSeconds = 30;
    private const int AllowedDrift = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName),
            NumberStyles.None, CultureInfo.InvariantCulture, out var used) ? used : long.MinValue;

        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (step > last && CodeFor(secret, step) == code)
            {
                await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName,
                    step.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }

    internal static int CodeFor(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; it is not used here for collision resistance.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var output = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text.ToUpperInvariant())
            {
                var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
                if (value < 0)
                {
                    continue;
                }

                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    output.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }

            return [.. output];
        }
    }
}
