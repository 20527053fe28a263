namespace WithUs.Web.Features.Themes;

/// <summary>A topic the organisation groups what people say under, such as "Food" or "Getting here".</summary>
public sealed class Theme : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Archived themes keep their contributions but are no longer offered when capturing.</summary>
    public bool IsArchived { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// How many contributions are filed under it, kept by the database as links are added and removed (migration
    /// ThemeCounts), so the themes page need not count them; <see cref="ThemeCounts.RebuildAsync"/> recounts.
    /// </summary>
    public int ContributionCount { get; set; }

    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 500;
}
