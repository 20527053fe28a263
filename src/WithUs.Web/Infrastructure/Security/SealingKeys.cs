using System.Security.Cryptography;
using System.Text;

namespace WithUs.Web.Infrastructure.Security;

/// <summary>
/// The key ring for sealed data. Each key is 32 random bytes, named by the first four bytes of its SHA-256 (so the
/// name says nothing about the key and an operator never has to invent one). The newest key, the last in the list,
/// seals; every key in the list opens what it sealed. Rotation is therefore: add a key at the end, restart (WithUs
/// re-seals everything with it at start-up), then remove the old one (docs/configuration.md).
/// </summary>
public sealed class SealingKeys
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> byName;

    private SealingKeys(IReadOnlyList<byte[]> keys)
    {
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("There must be at least one key to seal sensitive data with.");
        }

        byName = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byName[NameOf(key)] = key;
        }

        Current = NameOf(keys[^1]);
    }

    /// <summary>The name of the key that seals.</summary>
    public string Current { get; }

    public IReadOnlyCollection<string> Names => byName.Keys;

    public byte[]? Find(string name) => byName.GetValueOrDefault(name);

    public byte[] CurrentKey => byName[Current];

    public static string NameOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 4));

    /// <summary>A new random key, as it is written in a key file or a setting.</summary>
    public static string NewKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>Keys from text: one per line or separated by ";"; blank lines and lines starting with "#" are skipped.</summary>
    public static SealingKeys Parse(string text, string whereFrom)
    {
        var keys = new List<byte[]>();
        var lines = text.Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Where(l => !l.StartsWith('#')))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(line);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"A key in {whereFrom} is not base64. Each key is 32 random bytes in base64, one per line.");
            }

            if (key.Length != KeyBytes)
            {
                throw new InvalidOperationException(
                    $"A key in {whereFrom} is {key.Length} bytes long; each must be {KeyBytes} random bytes, in base64.");
            }

            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"{whereFrom} holds no key. Each key is 32 random bytes in base64, one per line.");
        }

        return new SealingKeys(keys);
    }

    /// <summary>
    /// The keys the settings name, or those in the key file, which is made (readable by this user only) with one new
    /// key when it does not exist yet.
    /// </summary>
    public static SealingKeys Load(SealingOptions options, string defaultFolder)
    {
        if (!string.IsNullOrWhiteSpace(options.Keys))
        {
            return Parse(options.Keys, $"the setting {SealingOptions.Section}:Keys");
        }

        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(options.KeyFile)
            ? Path.Combine(defaultFolder, "sensitive-data.keys")
            : options.KeyFile);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder()
            .AppendLine("# Keys that seal equality answers and private access needs in WithUs's database.")
            .AppendLine("# Keep a copy somewhere safe and apart from the database: without it those answers cannot be read.")
            .AppendLine("# To rotate: add a new key on a line of its own at the end, restart WithUs, then remove the old one.")
            .AppendLine(NewKeyText())
            .ToString();
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, fileOptions);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node or process made it first: use theirs.
        }
    }
}
