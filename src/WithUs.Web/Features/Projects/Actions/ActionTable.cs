namespace WithUs.Web.Features.Projects.Actions;

/// <summary>What <c>_ActionTable.cshtml</c> shows: the rows, the table's id and caption, and what the reader may do.</summary>
/// <param name="CanChange">Staff: a link to change each action and a button to mark it done.</param>
/// <param name="ProjectLink">With the project's column (the home page's list across projects): where each project's name links to.</param>
/// <param name="MeUserId">The member of staff reading, so their own actions say "(you)".</param>
/// <param name="CaptionHidden">The caption only for screen readers, where a heading above says the same.</param>
public sealed record ActionTable(IReadOnlyList<ActionRow> Rows, string Id, string Caption, string Slug, DateOnly Today, bool CanChange,
    Func<Guid, string?>? ProjectLink = null, Guid? MeUserId = null, bool CaptionHidden = false)
{
    public bool ShowProject => ProjectLink is not null;
}
