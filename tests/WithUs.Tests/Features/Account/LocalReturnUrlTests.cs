using WithUs.Web.Features.Account;

namespace WithUs.Tests.Features.Account;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/o/riverside")]
    [InlineData("/o/riverside/members?page=2#top")]
    public void IsLocal_PathOnThisSite_IsTrue(string url) => LocalReturnUrl.IsLocal(url).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/o/x")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.example")]
    [InlineData("/o/x\r\nLocation: https://evil.example")]
    public void IsLocal_AnythingThatCouldLeaveTheSite_IsFalse(string? url) => LocalReturnUrl.IsLocal(url).ShouldBeFalse();

    [Fact]
    public void Or_NotLocal_GivesFallback() => LocalReturnUrl.Or("https://evil.example", "/home").ShouldBe("/home");

    [Fact]
    public void Or_Local_GivesUrl() => LocalReturnUrl.Or("/o/x").ShouldBe("/o/x");
}
