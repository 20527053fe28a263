namespace WithUs.Web.Features.Voice.Import;

/// <summary>What the check found, kept with the batch for the preview page.</summary>
public sealed record ImportSummary(IReadOnlyList<PreviewRow> Preview, IReadOnlyList<string> NewThemes,
    IReadOnlyList<string> IgnoredColumns, string Delimiter);
