namespace WithUs.Web.Features.Themes;

public sealed class ThemeInput
{
    [Required(ErrorMessage = "Enter a name for the theme")]
    [StringLength(Theme.NameMaxLength, ErrorMessage = "The name must be 80 characters or fewer")]
    public string Name { get; set; } = "";

    [StringLength(Theme.DescriptionMaxLength, ErrorMessage = "The description must be 500 characters or fewer")]
    public string? Description { get; set; }

    /// <summary>Theme names are unique in an organisation, whatever their capitals or spaces.</summary>
    public static Task<bool> NameTakenAsync(WithUsDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL on both databases; string.Equals with a comparison it does not.
        return db.Themes.AnyAsync(t => t.Name.ToLower() == lower && t.Id != except, cancellationToken);
#pragma warning restore CA1862
    }

    public static string NameTakenMessage(string name) =>
        $"There is already a theme called \"{name.Trim()}\". Choose a different name";
}
