using WithUs.Web.Infrastructure.Auditing;

namespace WithUs.Tests.Infrastructure.Auditing;

public sealed class AuditDescriptionsTests
{
    private static readonly Guid Ada = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Gone = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");
    private static readonly Dictionary<Guid, string> Names = new() { [Ada] = "Ada Lovelace" };

    private static (string What, string? Details) Describe(string action, string? entityType = null, string? details = null) =>
        AuditDescriptions.Describe(action, entityType, details, Names);

    [Theory]
    [InlineData("SignedIn", null, "Signed in", null)]
    [InlineData("SignedIn", "Authenticator code", "Signed in", "With an authenticator code")]
    [InlineData("SignInFailed", "Recovery code", "Sign-in failed", "With a recovery code")]
    [InlineData("SignInFailed", "Unknown email", "Sign-in failed", "No account has that email address")]
    [InlineData("SignInLockedOut", null, "Sign-in blocked after too many failed attempts", null)]
    [InlineData("SignedOut", null, "Signed out", null)]
    [InlineData("TwoFactorEnabled", null, "Two-factor authentication turned on", null)]
    [InlineData("TwoFactorDisabled", null, "Two-factor authentication turned off", null)]
    [InlineData("RecoveryCodesRenewed", null, "New recovery codes made", null)]
    [InlineData("PasswordChanged", null, "Password changed", null)]
    [InlineData("PasswordReset", null, "Password reset", null)]
    [InlineData("PasswordResetRequested", null, "Password reset requested", null)]
    public void Events_ArePlainWords(string action, string? details, string what, string? plainDetails) =>
        Describe(action, details: details).ShouldBe((what, plainDetails));

    [Fact]
    public void RoleChanged_SaysFromWhatToWhat_AndNamesThePerson() =>
        Describe("RoleChanged", details: $"{Ada}: Partner to Staff").ShouldBe(("Role changed from partner to staff", "Ada Lovelace"));

    [Theory]
    [InlineData("MemberRemoved", "Member removed")]
    [InlineData("AccountDisabled", "Account disabled")]
    [InlineData("AccountEnabled", "Account enabled")]
    public void EventsAboutAPerson_NameThem(string action, string what) =>
        Describe(action, details: Ada.ToString()).ShouldBe((what, "Ada Lovelace"));

    [Fact]
    public void APersonNoLongerKnown_IsNotShownAsAnId() =>
        Describe("MemberRemoved", details: Gone.ToString()).ShouldBe(("Member removed", AuditDescriptions.UnknownPerson));

    [Theory]
    [InlineData("Created", "ApplicationUser", null, "Account created", null)]
    [InlineData("Updated", "ApplicationUser", "Changed: DisplayName, Email, NormalizedEmail, UserName, NormalizedUserName", "Account details changed", "Changed: name, email address")]
    [InlineData("Updated", "ApplicationUser", "Changed: PasswordHash", "Account details changed", "Changed: password")]
    [InlineData("Created", "Membership", null, "Member added", null)]
    [InlineData("Updated", "Membership", "Changed: Role", "Membership changed", "Changed: role")]
    [InlineData("Deleted", "Membership", null, "Membership deleted", null)]
    [InlineData("Created", "Invitation", null, "Invitation sent", null)]
    [InlineData("Updated", "Invitation", "Changed: AcceptedAtUtc", "Invitation accepted", null)]
    [InlineData("Updated", "Invitation", "Changed: AcceptedAtUtc, Role", "Invitation accepted", "Changed: role")]
    [InlineData("Updated", "Invitation", "Changed: RevokedAtUtc", "Invitation cancelled", null)]
    [InlineData("Deleted", "Invitation", null, "Invitation deleted", null)]
    public void RowChanges_ArePlainWords(string action, string entityType, string? details, string what, string? plainDetails) =>
        Describe(action, entityType, details).ShouldBe((what, plainDetails));

    [Theory]
    [InlineData("DataExported", null, null, "Data exported", null)]
    [InlineData("Created", "ProjectURLAlias", null, "Project URL alias created", null)]
    [InlineData("Updated", "Project", "Changed: LastReviewedAtUtc, Title", "Project changed", "Changed: last reviewed at, title")]
    [InlineData("Archived", "Project", null, "Project: archived", null)]
    public void UnknownNames_AreSplitIntoWords(string action, string? entityType, string? details, string what, string? plainDetails) =>
        Describe(action, entityType, details).ShouldBe((what, plainDetails));

    [Fact]
    public void UnknownEvents_NamePeopleInsteadOfShowingTheirIds() =>
        Describe("ExportDownloaded", details: $"{Ada} and {Gone}")
            .ShouldBe(("Export downloaded", $"Ada Lovelace and {AuditDescriptions.UnknownPerson}"));

    [Fact]
    public void PeopleNamedIn_FindsEveryUserId() =>
        AuditDescriptions.PeopleNamedIn($"{Ada}: Partner to Staff, then {Gone}").ShouldBe([Ada, Gone]);
}
