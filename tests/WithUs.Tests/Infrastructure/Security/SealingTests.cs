using WithUs.Web.Infrastructure.Security;

namespace WithUs.Tests.Infrastructure.Security;

/// <summary>
/// Sealing special-category data (ADR 0021): what is sealed opens only with a key from the ring and only in the
/// context it was sealed for; keys come from the settings or a key file kept outside the database.
/// </summary>
public sealed class SealingTests
{
    private static SealingKeys Ring(params string[] keys) => SealingKeys.Parse(string.Join('\n', keys), "the test");

    [Fact]
    public void ASealedValue_OpensWithItsKeyInItsContext_AndOnlyThere()
    {
        var key = SealingKeys.NewKeyText();
        var sealer = new Sealer(Ring(key));

        var sealedValue = sealer.Seal("{\"ethnicity\":\"white-roma\"}", "withus/org/person/EqualityAnswers");

        System.Text.Encoding.UTF8.GetString(sealedValue).ShouldNotContain("white-roma");
        sealer.Open(sealedValue, "withus/org/person/EqualityAnswers").ShouldBe("{\"ethnicity\":\"white-roma\"}");
        Should.Throw<SealedValueUnreadableException>(() => sealer.Open(sealedValue, "withus/org/someone-else/EqualityAnswers"))
            .Message.ShouldBe("This sealed value was altered, or belongs to another record.");
        sealedValue[^1] ^= 1;
        Should.Throw<SealedValueUnreadableException>(() => sealer.Open(sealedValue, "withus/org/person/EqualityAnswers"));
    }

    [Fact]
    public void SealingTheSameValueTwice_GivesDifferentBytes()
    {
        var sealer = new Sealer(Ring(SealingKeys.NewKeyText()));

        sealer.Seal("yes", "c").ShouldNotBe(sealer.Seal("yes", "c"), "a fresh nonce each time, so equal answers do not look equal");
    }

    [Fact]
    public void AfterRotation_TheNewestKeySeals_AndTheOldOneStillOpens_UntilItIsRemoved()
    {
        var (old, newer) = (SealingKeys.NewKeyText(), SealingKeys.NewKeyText());
        var before = new Sealer(Ring(old)).Seal("no", "c");

        var rotated = new Sealer(Ring(old, newer));

        rotated.Open(before, "c").ShouldBe("no");
        Sealer.KeyOf(rotated.Seal("no", "c")).ShouldBe(rotated.CurrentKey);
        rotated.CurrentKey.ShouldBe(SealingKeys.NameOf(Convert.FromBase64String(newer)));
        Should.Throw<SealedValueUnreadableException>(() => new Sealer(Ring(newer)).Open(before, "c"))
            .Message.ShouldContain("is not among the keys WithUs was given");
    }

    [Theory]
    [InlineData("not base64 at all!", "A key in the test is not base64")]
    [InlineData("c2hvcnQ=", "A key in the test is 5 bytes long; each must be 32 random bytes, in base64.")]
    [InlineData("# only a comment", "the test holds no key")]
    public void KeysThatAreNotKeys_AreRefusedWithAClearMessage(string text, string message) =>
        Should.Throw<InvalidOperationException>(() => SealingKeys.Parse(text, "the test")).Message.ShouldContain(message);

    [Fact]
    public void WithoutKeysInTheSettings_AKeyFileIsMadeOnce_ReadableOnlyByItsOwner_AndUsedAfterwards()
    {
        var folder = Directory.CreateTempSubdirectory("withus-keys-");
        try
        {
            var first = SealingKeys.Load(new SealingOptions(), folder.FullName);
            var path = Path.Combine(folder.FullName, "sensitive-data.keys");

            File.Exists(path).ShouldBeTrue();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            SealingKeys.Load(new SealingOptions(), folder.FullName).Current.ShouldBe(first.Current, "the same file, not a new key");
            SealingKeys.Load(new SealingOptions { Keys = SealingKeys.NewKeyText() }, folder.FullName).Current
                .ShouldNotBe(first.Current, "keys in the settings come first");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
