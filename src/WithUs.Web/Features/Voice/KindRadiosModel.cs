namespace WithUs.Web.Features.Voice;

/// <summary>"What kind of thing is it?": the kinds the public and partners choose from, with what was chosen and any error.</summary>
public sealed record KindRadiosModel(string Name, string? Selected, string? Error)
{
    public string Id => Name.Replace('.', '_');
}
