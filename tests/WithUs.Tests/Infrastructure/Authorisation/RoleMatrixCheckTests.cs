using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Tests.Infrastructure.Authorisation;

/// <summary>The role matrix's own checks fail when they should: a test of the test.</summary>
public sealed class RoleMatrixCheckTests
{
    private static readonly Dictionary<string, Access> Matrix = new()
    {
        ["GET /o/{org}/voice"] = Access.Staff,
        ["GET /o/{org}/my-voice"] = Access.Partner,
    };

    [Fact]
    public void ARouteTheMatrixDoesNotList_IsADifference()
    {
        var differences = RoleMatrix.Differences(Matrix, [("GET /o/{org}/new-page", Asker.Staff, Answer.Let, "")]);

        differences.ShouldHaveSingleItem().ShouldContain("not in the role matrix");
    }

    [Fact]
    public void AStaffPageThatLetsAPartnerIn_IsADifference()
    {
        var differences = RoleMatrix.Differences(Matrix, [("GET /o/{org}/voice", Asker.Partner, Answer.Let, "200")]);

        differences.ShouldHaveSingleItem().ShouldContain("expected Refused");
    }

    [Fact]
    public void TheAnswersTheMatrixExpects_AreNoDifference()
    {
        RoleMatrix.Differences(Matrix,
        [
            ("GET /o/{org}/voice", Asker.SignedOut, Answer.SignIn, ""),
            ("GET /o/{org}/voice", Asker.NonMember, Answer.NotFound, ""),
            ("GET /o/{org}/voice", Asker.Partner, Answer.Refused, ""),
            ("GET /o/{org}/voice", Asker.Staff, Answer.Let, ""),
            ("GET /o/{org}/voice", Asker.Administrator, Answer.Let, ""),
            ("GET /o/{org}/my-voice", Asker.Partner, Answer.Let, ""),
        ]).ShouldBeEmpty();
    }

    [Fact]
    public void AnOrganisationPageThatSaysNothing_IsForStaff()
    {
        var access = new PageAccess();

        access.OrganisationPages["/Voice/Index"].ShouldBe(OrganisationRole.Staff);
        access.OrganisationPages["/Voice/MyVoice/Index"].ShouldBe(OrganisationRole.Partner);
        access.OrganisationPages["/Settings/Index"].ShouldBe(OrganisationRole.Administrator);
        access.OrganisationPages.Keys.ShouldNotContain("/Account/Index", "only pages under /o/{org} have an organisation role");
        access.Allows("/Voice/Index", OrganisationRole.Partner).ShouldBeFalse();
        access.Allows("/Voice/Index", null).ShouldBeFalse();
    }
}
