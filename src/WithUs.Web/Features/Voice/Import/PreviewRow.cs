namespace WithUs.Web.Features.Voice.Import;

public sealed record PreviewRow(int Row, string Text, string Kind, string Channel, string SaidOn, string Provenance,
    string? Name, string Themes, string Outcome);
