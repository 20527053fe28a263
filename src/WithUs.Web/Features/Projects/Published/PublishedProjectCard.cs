namespace WithUs.Web.Features.Projects.Published;

/// <summary>A published project in a list: its name, summary, where it stands and how far partners shared its decisions.</summary>
public sealed record PublishedProjectCard(Guid Id, string Title, string Summary, DateTime PublishedAtUtc, string PhaseName,
    PhaseStatus PhaseStatus, bool Delivered, string Decisions);
