namespace WithUs.Web.Features.Organisations;

public sealed class Organisation
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The lower-case, URL-safe name used in addresses: /o/{slug}/.</summary>
    public required string Slug { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int NameMaxLength = 120;
    public const int SlugMaxLength = 60;
}
