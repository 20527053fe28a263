namespace WithUs.Web.Features.Voice;

public enum NotPossibleReason
{
    OutsideWhatWeCanChange = 0,
    NonNegotiableBoundary = 1,
    NotAffordableNow = 2,
    SomeoneElsesResponsibility = 3,
    Other = 4,
}
