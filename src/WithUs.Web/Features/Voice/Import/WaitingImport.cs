namespace WithUs.Web.Features.Voice.Import;

/// <summary>A batch the worker should pick up: checking or importing, and not locked by another worker.</summary>
public sealed record WaitingImport(Guid Id, Guid OrganisationId);
