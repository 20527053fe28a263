using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

public sealed class ApplicationUser : IdentityUser<Guid>, IAudited
{
    [PersonalData]
    public required string DisplayName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When set, the person cannot sign in and their sessions end within a minute.</summary>
    public DateTime? DisabledAtUtc { get; set; }

    /// <summary>Runs this installation: can disable accounts. The first administrator, made at set-up, is one.</summary>
    public bool IsOperator { get; set; }

    /// <summary>An invented person in the demo database.</summary>
    public bool IsDemo { get; set; }

    public const int DisplayNameMaxLength = 100;
}
