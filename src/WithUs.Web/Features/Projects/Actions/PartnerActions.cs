namespace WithUs.Web.Features.Projects.Actions;

/// <summary>What <c>_PartnerActions.cshtml</c> shows: a partner's own actions, with "I have done this" on each when they may mark it.</summary>
public sealed record PartnerActions(IReadOnlyList<ActionRow> Rows, string Slug, DateOnly Today, bool ShowProject, bool CanMark);
