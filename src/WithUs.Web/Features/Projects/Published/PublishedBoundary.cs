namespace WithUs.Web.Features.Projects.Published;

/// <summary>Something open for the group to decide, or fixed and why, as it stands now (never its history).</summary>
public sealed record PublishedBoundary(BoundaryKind Kind, string Text, BoundaryReason? Reason, string? Why);
