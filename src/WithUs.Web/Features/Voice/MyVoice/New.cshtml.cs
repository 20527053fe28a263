using WithUs.Web.Features.Account;
using WithUs.Web.Features.People.Mine;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Voice.MyVoice;

/// <summary>A partner adds something in their own words. The first time, they become a person here, with their consent.</summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class NewModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public const string ConsentExplanation =
        "We will keep what you tell us, with your name, so we can act on it and tell you what happens. We will not show your name publicly.";

    public string OrganisationName => Organisation.Name;

    [BindProperty]
    public OwnWordsInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.CheckKind(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var userId = CurrentUser.Id(User)!.Value;
        // Their first words here sent twice at once (a double tap): whichever request saves second finds the person
        // the first made (one per account here, a unique index) and adds its words to them.
        await db.SaveOrJoinAsync(() => StageAsync(userId, cancellationToken), cancellationToken);

        Notice = "Thank you. We have saved what you told us.";
        return RedirectToPage("/Voice/MyVoice/Index", new { org = Slug });
    }

    /// <summary>What they said, as theirs, making them a person here the first time.</summary>
    private async Task StageAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var person = await MyRecord.FindOrAddAsync(db, User, userId, now, cancellationToken);

        var contribution = Input.ToContribution(ContributionSource.Partner, person.Id, clock);
        contribution.RecordedByUserId = userId;
        db.Contributions.Add(contribution);
    }
}
