namespace WithUs.Web.Features.Projects;

/// <summary>A project's name and what it is for, as typed on starting it or changing them.</summary>
public sealed class ProjectInput
{
    [Required(ErrorMessage = "Enter a name for the project")]
    [StringLength(Project.TitleMaxLength, ErrorMessage = "The name must be 120 characters or fewer")]
    [PlainText(ErrorMessage = "The name can only have letters, numbers, spaces and punctuation")]
    public string Title { get; set; } = "";

    [StringLength(Project.PurposeMaxLength, ErrorMessage = "What it is for must be 2,000 characters or fewer")]
    [PlainText(ErrorMessage = "What it is for can only have letters, numbers, spaces and punctuation")]
    public string? Purpose { get; set; }

    public string CleanTitle => PlainTextAttribute.Clean(Title);

    public string? CleanPurpose => string.IsNullOrWhiteSpace(Purpose) ? null : PlainTextAttribute.Clean(Purpose);

    /// <summary>Project names are unique in an organisation, whatever their capitals.</summary>
    public static Task<bool> TitleTakenAsync(WithUsDbContext db, string title, Guid? except, CancellationToken cancellationToken)
    {
        var lower = title.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL on both databases; string.Equals with a comparison it does not.
        return db.Set<Project>().AnyAsync(p => p.Title.ToLower() == lower && p.Id != except, cancellationToken);
#pragma warning restore CA1862
    }

    public static string TitleTakenMessage(string title) =>
        $"There is already a project called \"{title}\". Choose a different name";
}
