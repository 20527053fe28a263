namespace WithUs.Web.Features.Voice;

public enum Channel
{
    Conversation = 0,
    DropIn = 1,
    OneToOne = 2,
    GroupMeeting = 3,
    Survey = 4,
    OnlineForm = 5,
    Phone = 6,
    SocialMedia = 7,
    Event = 8,
    Other = 9,
}
