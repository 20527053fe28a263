using System.Text;

namespace WithUs.Tests.Harness;

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890", 8 digits.
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(20000000000L, "65353130")]
    public void Code_MatchesRfc6238TestVectors(long unixSeconds, string expected) =>
        Totp.Code(Encoding.ASCII.GetBytes("12345678901234567890"), unixSeconds / 30, digits: 8).ShouldBe(expected);

    [Fact]
    public void Base32Decode_ReadsRfc4648Alphabet() =>
        Encoding.ASCII.GetString(Totp.Base32Decode("MZXW6YTBOI======")).ShouldBe("foobar");
}
