namespace WithUs.Web.Features.Voice;

public enum OutcomeStatus
{
    New = 0,
    BeingConsidered = 1,
    Planned = 2,
    PartOfProject = 3,
    Done = 4,
    NotPossible = 5,
}
