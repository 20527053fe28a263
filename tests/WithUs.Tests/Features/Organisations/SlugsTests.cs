using WithUs.Web.Features.Organisations;

namespace WithUs.Tests.Features.Organisations;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("St Mary's Drop-in Café", "st-marys-drop-in-cafe")]
    [InlineData("Riverside  Advice -- Centre", "riverside-advice-centre")]
    [InlineData("  Leading and trailing!  ", "leading-and-trailing")]
    [InlineData("Ünïcödé Äccents", "unicode-accents")]
    [InlineData("Mind’s Eye", "minds-eye")]
    [InlineData("2024 Panel", "2024-panel")]
    public void From_MakesLowerCaseHyphenatedAscii(string name, string expected) =>
        Slugs.From(name).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ???")]
    [InlineData("日本語")]
    public void From_WithoutLettersOrDigits_IsEmpty(string? name) =>
        Slugs.From(name).ShouldBe("");

    [Fact]
    public void From_LongName_IsCutToMaximumLengthWithoutTrailingHyphen()
    {
        var name = string.Join(' ', Enumerable.Repeat("abcdefghi", 10));

        var slug = Slugs.From(name);

        slug.Length.ShouldBeLessThanOrEqualTo(Organisation.SlugMaxLength);
        slug.ShouldNotEndWith("-");
        slug.ShouldStartWith("abcdefghi-abcdefghi");
    }
}
