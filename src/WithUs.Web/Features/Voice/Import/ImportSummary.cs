namespace WithUs.Web.Features.Voice.Import;

/// <summary>What the check found, kept with the batch for the preview page.</summary>
public sealed record ImportSummary(IReadOnlyList<PreviewRow> Preview, IReadOnlyList<string> NewThemes,
    IReadOnlyList<string> IgnoredColumns, string Delimiter)
{
    /// <summary>Rows whose Id matches a contribution here, which they update.</summary>
    public int Updates { get; init; }

    /// <summary>Rows with an Id we do not have here (another organisation's, or deleted since): added as new.</summary>
    public int UnknownIds { get; init; }
}
