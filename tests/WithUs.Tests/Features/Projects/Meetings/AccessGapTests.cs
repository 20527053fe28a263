using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Tests.Features.Projects.Meetings;

/// <summary>The access needs of the people invited against what a meeting offers: each need not met is a gap.</summary>
public sealed class AccessGapTests
{
    private static readonly Invited Kasia = new(Guid.CreateVersion7(), "Kasia", true, AccessNeed.StepFreeAccess | AccessNeed.Interpreter, "Polish", null);
    private static readonly Invited Dev = new(Guid.CreateVersion7(), "Dev", true, AccessNeed.HearingLoop | AccessNeed.EasyRead, null, null);
    private static readonly Invited Sam = new(Guid.CreateVersion7(), "Sam", true, AccessNeed.Other, null, "No meetings before 10am");
    private static readonly Invited Private = new(Guid.CreateVersion7(), "Jo", true, AccessNeed.Other, null, null);

    [Fact]
    public void EachNeedNotMet_IsAGap_WithWhatWouldMeetIt()
    {
        var gaps = AccessGap.For(MeetingFormat.InPerson, MeetingSupport.StepFreeAccess | MeetingSupport.EasyReadPapers, [Kasia, Dev]);

        gaps.ShouldBe([
            new Gap("Kasia", "An interpreter (Polish)", "An interpreter is booked"),
            new Gap("Dev", "A hearing loop", "A hearing loop"),
        ]);
    }

    [Fact]
    public void EverythingMet_IsNoGap()
    {
        var all = MeetingSupportWords.Place.Concat(MeetingSupportWords.Arranged).Aggregate(MeetingSupport.None, (a, b) => a | b);

        AccessGap.For(MeetingFormat.Both, all, [Kasia, Dev]).ShouldBeEmpty();
    }

    [Fact]
    public void OnlineOnly_NeedsAboutAPlace_AreNoGap_ButInterpretersStillAre()
    {
        var gaps = AccessGap.For(MeetingFormat.Online, MeetingSupport.None, [Kasia, Dev]);

        gaps.Select(g => g.Need).ShouldBe(["An interpreter (Polish)", "Easy read"]);
    }

    [Fact]
    public void ANeedInTheirOwnWords_IsAlwaysCheckedWithThem_AndAPrivateOneSaysAsk()
    {
        var gaps = AccessGap.For(MeetingFormat.InPerson, MeetingSupport.None, [Sam, Private]);

        gaps.ShouldBe([
            new Gap("Sam", "No meetings before 10am", "Check with them that it is arranged"),
            new Gap("Jo", AccessNeedWords.PrivateNeed, "Ask them what they need"),
        ]);
    }
}
