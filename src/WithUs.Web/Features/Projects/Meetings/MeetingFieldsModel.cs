namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>What the meeting form's fields need: what was typed, and the team to invite.</summary>
public sealed record MeetingFieldsModel(MeetingInput Input, IReadOnlyList<Invited> Team, string Slug, Guid ProjectId);
