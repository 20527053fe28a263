namespace WithUs.Web.Features.Voice;

public enum TellingMethod
{
    InPerson = 0,
    Phone = 1,
    Email = 2,
    TextMessage = 3,
    Letter = 4,
    AtAMeeting = 5,
    Other = 6,
}
