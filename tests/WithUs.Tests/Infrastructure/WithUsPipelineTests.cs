using Microsoft.AspNetCore.Builder;
using WithUs.Web.Infrastructure;

namespace WithUs.Tests.Infrastructure;

/// <summary>
/// The content root (where appsettings.json is read from) is the app's own folder, whatever folder it was started
/// from; started elsewhere with the framework's default (the working directory), the settings were silently missing.
/// </summary>
public sealed class WithUsPipelineTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Options_WithNothingConfigured_UseTheAppsOwnFolder_NotTheWorkingDirectory()
    {
        var options = WithUsPipeline.Options([], NoEnvironment);

        options.ContentRootPath.ShouldBe(AppContext.BaseDirectory);
    }

    [Fact]
    public void Builder_FromTheOptions_ReadsTheAppsSettings()
    {
        var builder = WebApplication.CreateBuilder(WithUsPipeline.Options([], NoEnvironment));

        builder.Environment.ContentRootPath.TrimEnd(Path.DirectorySeparatorChar).ShouldBe(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        builder.Configuration["Database:DataFolder"].ShouldBe("data");
    }

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void Options_LeaveAContentRootNamedByTheEnvironment(string variable)
    {
        var options = WithUsPipeline.Options([], name => name == variable ? "/srv/withus" : null);

        options.ContentRootPath.ShouldBeNull();
    }

    [Theory]
    [InlineData("--contentRoot=/srv/withus")]
    [InlineData("--contentRoot")]
    [InlineData("/contentroot")]
    public void Options_LeaveAContentRootNamedOnTheCommandLine(string argument)
    {
        var options = WithUsPipeline.Options([argument, "/srv/withus"], NoEnvironment);

        options.ContentRootPath.ShouldBeNull();
        options.Args!.ShouldContain(argument);
    }

    [Fact]
    public void Options_StillTranslateDemo()
    {
        WithUsPipeline.Options(["--demo"], NoEnvironment).Args.ShouldBe(["--Database:Demo=true"]);
    }
}
