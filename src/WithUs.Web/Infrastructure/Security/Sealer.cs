using System.Security.Cryptography;
using System.Text;

namespace WithUs.Web.Infrastructure.Security;

/// <summary>
/// Seals and opens special-category data with AES-256-GCM (docs/adr/0021-sealed-special-category-data.md). A sealed
/// value is: a format byte, the key's four-byte name, a 12-byte random nonce, the 16-byte tag and the ciphertext.
/// The context (whose value, and what it is) is authenticated but not stored, so a value copied onto another person's
/// row does not open. Only the code that needs the plain value (counting, the person's own pages) calls
/// <see cref="Open"/>.
/// </summary>
public sealed class Sealer(SealingKeys keys)
{
    private const byte Format = 1;
    private const int NameBytes = 4;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NameBytes + NonceBytes + TagBytes;

    /// <summary>The name of the key new values are sealed with.</summary>
    public string CurrentKey => keys.Current;

    public byte[] Seal(string plain, string context)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedValue = new byte[HeaderBytes + plainBytes.Length];
        sealedValue[0] = Format;
        Convert.FromHexString(keys.Current).CopyTo(sealedValue, 1);
        var nonce = sealedValue.AsSpan(1 + NameBytes, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.CurrentKey, TagBytes);
        aes.Encrypt(nonce, plainBytes, sealedValue.AsSpan(HeaderBytes), sealedValue.AsSpan(1 + NameBytes + NonceBytes, TagBytes),
            Encoding.UTF8.GetBytes(context));
        CryptographicOperations.ZeroMemory(plainBytes);
        return sealedValue;
    }

    /// <summary>The name of the key a value was sealed with, or null when it is not a sealed value at all.</summary>
    public static string? KeyOf(byte[] sealedValue) =>
        sealedValue.Length >= HeaderBytes && sealedValue[0] == Format
            ? Convert.ToHexStringLower(sealedValue.AsSpan(1, NameBytes))
            : null;

    /// <summary>The plain value; <see cref="SealedValueUnreadableException"/> when its key is not in the ring or it
    /// was altered or moved.</summary>
    public string Open(byte[] sealedValue, string context)
    {
        var name = KeyOf(sealedValue) ?? throw new SealedValueUnreadableException("This is not a sealed value.");
        var key = keys.Find(name) ?? throw new SealedValueUnreadableException(
            $"The key {name} that sealed this value is not among the keys WithUs was given.");
        var plain = new byte[sealedValue.Length - HeaderBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedValue.AsSpan(1 + NameBytes, NonceBytes), sealedValue.AsSpan(HeaderBytes),
                sealedValue.AsSpan(1 + NameBytes + NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(context));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SealedValueUnreadableException("This sealed value was altered, or belongs to another record.");
        }

        return Encoding.UTF8.GetString(plain);
    }
}

public sealed class SealedValueUnreadableException(string message) : Exception(message);
