namespace WithUs.Web.Infrastructure.Ui;

/// <summary>
/// The links between pages of a list (govuk-frontend's pagination, drawn by Features/Shared/_Pagination.cshtml): each
/// link only when there is a page that way, and nothing at all when there is neither.
/// </summary>
/// <param name="Label">What the pages are of, for the navigation's accessible name ("Pages of people").</param>
/// <param name="PreviousHref">The page before, or null on the first.</param>
/// <param name="NextHref">The page after, or null on the last.</param>
/// <param name="PreviousText">"Previous", or "Newer" for a list newest first.</param>
/// <param name="NextText">"Next", or "Older".</param>
/// <param name="Hidden">Words a screen reader hears after each link's text (" page").</param>
/// <param name="Block">The stacked layout, for lists whose pages are found from a row's key rather than numbered.</param>
public sealed record Pagination(string Label, string? PreviousHref, string? NextHref, string PreviousText = "Previous",
    string NextText = "Next", string Hidden = " page", bool Block = false);
