namespace WithUs.Web.Features.Projects.Published;

/// <summary>
/// The model of <c>_PublishedProject.cshtml</c>: the project, the organisation's public address name (for links to its
/// public pages) and how many levels its headings sit below the page's own (0 on the public page, where its title is
/// the page's heading; more in the staff preview).
/// </summary>
public sealed record PublishedProjectView(PublishedProject Project, string PublicSlug, int HeadingShift = 0);
