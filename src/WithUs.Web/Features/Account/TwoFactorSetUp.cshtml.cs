using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace WithUs.Web.Features.Account;

[Authorize]
public sealed class TwoFactorSetUpModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AuditLog audit) : WithUsPageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Invalid();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await LoadKeyAsync(user);
            return Invalid("Input.Code", "The code is not right. Check the app shows WithUs, and enter the code it shows now");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await audit.RecordForPersonAsync("TwoFactorEnabled", user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', recoveryCodes);
        Notice = "Two-factor authentication is on.";
        return RedirectToPage("/Account/RecoveryCodes");
    }

    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = FormatKey(key);
        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString("WithUs"),
            Uri.EscapeDataString(user.Email ?? user.DisplayName),
            key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from the app")]
        [StringLength(9, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = "";
    }
}
