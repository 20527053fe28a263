namespace WithUs.Web.Infrastructure.Security;

/// <summary>
/// Where the keys that seal special-category data (equality answers, private access needs) come from: never the
/// database, so a copy of the database alone reads as noise. <see cref="Keys"/> when set (an environment variable or a
/// secret store), otherwise the file at <see cref="KeyFile"/>, made with one new key the first time WithUs needs it.
/// </summary>
public sealed class SealingOptions
{
    public const string Section = "SensitiveData";

    /// <summary>One key per line (or separated by ";"), 32 random bytes in base64 each; the last one seals.</summary>
    public string? Keys { get; set; }

    /// <summary>The key file; relative paths are resolved from the working directory. Default: in the data folder.</summary>
    public string? KeyFile { get; set; }
}
