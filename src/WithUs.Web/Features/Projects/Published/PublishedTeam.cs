namespace WithUs.Web.Features.Projects.Published;

/// <summary>
/// Who is in a project's team, as the public may know it: partners who agreed to be named
/// (<see cref="People.ConsentState.MayBeNamed"/>), with their role; the other partners and the staff only counted.
/// </summary>
public sealed record PublishedTeam(IReadOnlyList<(string Name, string Role)> Named, int OtherPartners, int Staff)
{
    public int Partners => Named.Count + OtherPartners;

    /// <summary>The partners not named, in words: "3 partners" or "and 2 other partners".</summary>
    public string? Unnamed => OtherPartners == 0
        ? null
        : Named.Count == 0
            ? OtherPartners == 1 ? "1 partner" : $"{OtherPartners} partners"
            : OtherPartners == 1 ? "And 1 other partner" : $"And {OtherPartners} other partners";

    public string? StaffWords => Staff switch
    {
        0 => null,
        1 => "1 member of staff",
        _ => $"{Staff} members of staff",
    };
}
