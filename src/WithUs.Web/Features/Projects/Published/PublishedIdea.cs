namespace WithUs.Web.Features.Projects.Published;

/// <summary>Something people said that led to a project and that staff published, in the words written for the public.</summary>
public sealed record PublishedIdea(Guid Id, string Summary);
