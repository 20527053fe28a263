namespace WithUs.Web.Features.People;

/// <summary>Everything the roles people hold now need and they have not done, or that has run out or soon will.</summary>
public sealed class TrainingDueModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public IReadOnlyList<TrainingNeed> Due { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Due = (await TrainingNeeds.ForAsync(db, OrganisationClock.For(Organisation, clock).Today, null, cancellationToken))
            .Where(n => n.IsDue).ToList();
}
