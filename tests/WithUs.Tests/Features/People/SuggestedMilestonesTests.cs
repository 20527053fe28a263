using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>Which milestones a person's roles suggest: whole years in a role held now, on the anniversary itself.</summary>
public sealed class SuggestedMilestonesTests
{
    private static DateTime Stored(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2025, 11, 27, "A year as volunteer")]
    [InlineData(2025, 11, 28, null)]
    [InlineData(2023, 11, 27, "3 years as volunteer")]
    [InlineData(2024, 2, 29, "2 years as volunteer")]
    public void AWholeYearInARoleHeldNow_IsSuggested_OnTheAnniversary(int year, int month, int day, string? expected)
    {
        var suggested = RecognitionWords.Suggested([("Volunteer", Stored(year, month, day), null)], [], new DateOnly(2026, 11, 27));

        suggested.ShouldBe(expected is null ? [] : [expected]);
    }

    [Fact]
    public void ARoleThatEnded_OrAMilestoneAlreadyRecorded_IsNotSuggested()
    {
        var today = new DateOnly(2026, 11, 27);
        var roles = new List<(string, DateTime, DateTime?)>
        {
            ("Volunteer", Stored(2020, 1, 1), Stored(2024, 1, 1)),
            ("Event host", Stored(2025, 1, 1), null),
        };

        RecognitionWords.Suggested(roles, ["a YEAR as event host"], today).ShouldBeEmpty();
    }
}
