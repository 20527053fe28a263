namespace WithUs.Web.Features.Voice;

public enum ContributionKind
{
    Idea = 0,
    Need = 1,
    Feedback = 2,
    Concern = 3,
    Praise = 4,
    Question = 5,
}
