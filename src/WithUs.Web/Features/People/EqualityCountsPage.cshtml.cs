namespace WithUs.Web.Features.People;

/// <summary>
/// The organisation's equality monitoring answers, counted: the only place they are ever shown to staff, and only as
/// counts across everyone who answered, with any number from 1 to 4 hidden (<see cref="SmallNumbers"/>).
/// </summary>
public sealed class EqualityCountsPageModel(EqualityMonitoring monitoring, AuditLog audit) : OrganisationPageModel
{
    public EqualityCounts Counts { get; private set; } = new(0, 0, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await monitoring.CountAsync(cancellationToken);
        await audit.RecordAsync("EqualityCountsViewed", cancellationToken: cancellationToken);
    }
}
