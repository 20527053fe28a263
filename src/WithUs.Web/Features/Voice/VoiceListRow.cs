namespace WithUs.Web.Features.Voice;

/// <summary>A row of the list of what people said as read, with its sort key.</summary>
internal sealed record VoiceListRow(Guid Id, string Text, ContributionKind Kind, Channel Channel, DateTime SaidOnUtc, DateTime CreatedAtUtc,
    int TermCount, bool Exact, string? PersonName, Guid? PersonId, Guid? LinkedToId, OutcomeStatus Outcome)
{
    public VoiceListKey Key => new(Exact, TermCount, SaidOnUtc, CreatedAtUtc, Id);
}
