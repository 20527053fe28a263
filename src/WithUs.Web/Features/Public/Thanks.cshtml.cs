namespace WithUs.Web.Features.Public;

/// <summary>After someone has told us something: thanks, and what happens next.</summary>
public sealed class ThanksModel : PublicPageModel
{
    public void OnGet()
    {
    }
}
