using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Tests.Infrastructure.Security;

public sealed class PasswordRulesTests
{
    private static readonly CommonPasswords Common = new(new BuildOutputEnvironment());

    // Validate is the pure rule check; only ValidateAsync reads the database (to find staff), so none is needed here.
    private static readonly WithUsPasswordValidator Validator = new(Common, null!);

    [Fact]
    public void CommonPasswords_ListIsLoaded() => Common.Count.ShouldBeGreaterThan(10_000);

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("letmein")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("iloveyouiloveyou")]
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababababab")]
    public void IsCommon_WellKnownOrTrivialPassword_IsTrue(string password) => Common.IsCommon(password).ShouldBeTrue();

    [Theory]
    [InlineData("plum kettle orbit lantern 47")]
    [InlineData("tangerine bicycle thunder")]
    public void IsCommon_RandomWords_IsFalse(string password) => Common.IsCommon(password).ShouldBeFalse();

    [Fact]
    public void Validate_FourteenCharactersForStaff_IsRefusedAsTooShort()
    {
        var result = Validator.Validate("kettle orbit 4", isStaff: true, "a@example.org");

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe("PasswordTooShort");
        result.Errors.Single().Description.ShouldContain("15 characters");
    }

    [Fact]
    public void Validate_FourteenCharactersForPartner_IsAccepted() =>
        Validator.Validate("kettle orbit 4", isStaff: false, "a@example.org").Succeeded.ShouldBeTrue();

    [Fact]
    public void Validate_ElevenCharactersForPartner_IsRefused() =>
        Validator.Validate("kettle orbi", isStaff: false, "a@example.org").Errors.Single().Code.ShouldBe("PasswordTooShort");

    [Fact]
    public void Validate_CommonPassword_IsRefusedEvenWhenLongEnough()
    {
        var result = Validator.Validate("1qaz2wsx3edc4rfv", isStaff: true, "a@example.org");

        result.Errors.Single().Code.ShouldBe("PasswordCommon");
    }

    [Fact]
    public void Validate_PasswordContainingEmail_IsRefused() =>
        Validator.Validate("my address is ada@example.org", isStaff: false, "Ada@Example.org")
            .Errors.Single().Code.ShouldBe("PasswordCommon");

    [Theory]
    [InlineData(64)]
    [InlineData(PasswordRules.MaximumLength)]
    public void Validate_LongPassphrase_IsAccepted(int length)
    {
        var password = string.Concat(Enumerable.Repeat("plum kettle orbit ", 10))[..length];

        Validator.Validate(password, isStaff: true, "a@example.org").Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Validate_OverMaximumLength_IsRefused() =>
        Validator.Validate(new string('x', 60) + new string('y', 69), isStaff: false, null)
            .Errors.Single().Code.ShouldBe("PasswordTooLong");

    private sealed class BuildOutputEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ApplicationName { get; set; } = "WithUs.Web";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = Path.Combine(RepositoryFiles.WebProject);

        public string EnvironmentName { get; set; } = "Production";
    }
}
