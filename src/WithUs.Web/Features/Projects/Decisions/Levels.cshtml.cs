namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>How a decision's participation level is worked out: the ladder, the rule, and why who was in the room matters.</summary>
public sealed class LevelsModel : OrganisationPageModel
{
    public void OnGet()
    {
    }
}
