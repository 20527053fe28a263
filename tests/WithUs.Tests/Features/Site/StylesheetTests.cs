using System.Text.RegularExpressions;

namespace WithUs.Tests.Features.Site;

public sealed partial class StylesheetTests
{
    [Fact]
    public void Body_IsSetInTheSystemFont_SoTextOutsideGovukClassesIsNeverInTheBrowsersSerif()
    {
        var css = RepositoryFiles.Read("src", "WithUs.Web", "wwwroot", "css", "site.css");

        BodyFontFamily().Match(css).Groups["font"].Value.ShouldStartWith("system-ui");
    }

    [GeneratedRegex(@"(?:^|[}\s])body\{[^}]*font-family:(?<font>[^;}]+)")]
    private static partial Regex BodyFontFamily();
}
