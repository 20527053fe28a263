namespace WithUs.Web.Features.Voice;

public enum ContributionSource
{
    Staff = 0,
    Partner = 1,
    PublicForm = 2,
    Import = 3,
}
