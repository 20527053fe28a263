using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>The one set of rules for a person's name, email address and phone number (issue 10).</summary>
public sealed class PersonDetailsTests
{
    [Theory]
    [InlineData("  Tom Reilly ", "Tom Reilly")]
    [InlineData("Siobhán Ní Bhriain", "Siobhán Ní Bhriain")]
    [InlineData("Zoë O'Neill-Smith", "Zoë O'Neill-Smith")]
    [InlineData("محمد", "محمد")]
    [InlineData("Big Al 🙂", "Big Al 🙂")]
    public void Names_OfAnyLanguage_AreKept_Trimmed(string typed, string kept) =>
        PersonDetails.Name(typed).ShouldBe(Checked.As(kept));

    [Fact]
    public void AName_IsKeptInOneCanonicalForm() =>
        PersonDetails.Name("Zoe\u0308").Value.ShouldBe("Zo\u00eb");

    [Theory]
    [InlineData("Tom\u0000Reilly")]
    [InlineData("Tom\nReilly")]
    [InlineData("Tom\u0007")]
    [InlineData("Tom \uFFFD")]
    public void Names_WithControlOrBrokenCharacters_AreRefused(string typed) =>
        PersonDetails.Name(typed).Problem.ShouldBe("The name can only have letters, numbers, spaces and punctuation");

    [Fact]
    public void ANameTooLong_IsRefused_ButOneAtTheLimitIsKept()
    {
        PersonDetails.Name(new string('a', Person.NameMaxLength)).Problem.ShouldBeNull();
        PersonDetails.Name(new string('a', Person.NameMaxLength + 1)).Problem.ShouldBe("The name must be 100 characters or fewer");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NothingGiven_IsMissing_NotAProblem(string? typed)
    {
        PersonDetails.Name(typed).IsMissing.ShouldBeTrue();
        PersonDetails.Email(typed).IsMissing.ShouldBeTrue();
        PersonDetails.Phone(typed).IsMissing.ShouldBeTrue();
    }

    [Theory]
    [InlineData("tom@example.org")]
    [InlineData("tom.reilly+drop-in@example.org")]
    [InlineData("o'brien@example.co.uk")]
    [InlineData("TOM@EXAMPLE.ORG")]
    [InlineData("tom@harbour-lane.community")]
    [InlineData("josé@exämple.es")]
    [InlineData("tom@mail.example.org")]
    public void UnusualButRealEmailAddresses_AreKept_AsTyped(string typed) =>
        PersonDetails.Email(" " + typed + " ").ShouldBe(Checked.As(typed));

    [Theory]
    [InlineData("tom")]
    [InlineData("tom@")]
    [InlineData("@example.org")]
    [InlineData("tom@example")]
    [InlineData("tom@@example.org")]
    [InlineData("tom@example..org")]
    [InlineData("tom@.example.org")]
    [InlineData("tom reilly@example.org")]
    [InlineData("Tom <tom@example.org>")]
    [InlineData("tom@example.org, ann@example.org")]
    [InlineData("tom\u0000@example.org")]
    public void WhatIsNotAnEmailAddress_IsRefused_WithAnExample(string typed) =>
        PersonDetails.Email(typed).Problem.ShouldBe(PersonDetails.EmailProblem);

    [Fact]
    public void AnEmailAddressTooLong_IsRefused() =>
        PersonDetails.Email(new string('a', 60) + "@" + new string('b', 200) + ".org").Problem.ShouldBe(PersonDetails.EmailProblem);

    [Theory]
    [InlineData("07700 900982")]
    [InlineData("07700900982")]
    [InlineData("07700 900 982")]
    [InlineData("+44 7700 900982")]
    [InlineData("+44 (0)7700 900982")]
    [InlineData("0044 7700 900982")]
    [InlineData("020 7946 0018")]
    [InlineData("(0161) 496 0000")]
    [InlineData("0117-496-0123")]
    [InlineData("+33 1 42 68 53 00")]
    [InlineData("+353 85 123 4567")]
    [InlineData("+1 (212) 555-0123")]
    public void UkAndInternationalNumbers_AreKept_AsTyped(string typed) =>
        PersonDetails.Phone(" " + typed + " ").ShouldBe(Checked.As(typed));

    [Theory]
    [InlineData("12345")]
    [InlineData("0770090098")]
    [InlineData("077009009821234")]
    [InlineData("+99 123 456 789")]
    [InlineData("call me on 07700 900982")]
    [InlineData("07700 900982 ext 4")]
    [InlineData("tom@example.org")]
    [InlineData("07700\u0000900982")]
    public void WhatIsNotAPhoneNumber_IsRefused_WithAnExample(string typed) =>
        PersonDetails.Phone(typed).Problem.ShouldBe(PersonDetails.PhoneProblem);
}
