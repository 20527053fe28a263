using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;

namespace WithUs.Web.Infrastructure.Security;

/// <summary>
/// Password rules after NIST SP 800-63B: length, not composition. At least 12 characters, 15 for anyone who is staff
/// or an administrator anywhere, up to 128; any characters, paste allowed; refused when it is a well-known password.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int StaffMinimumLength = 15;
    public const int MaximumLength = 128;

    public static int MinimumFor(bool isStaff) => isStaff ? StaffMinimumLength : MinimumLength;
}

public sealed class CommonPasswords
{
    private readonly HashSet<string> passwords;

    public CommonPasswords(IWebHostEnvironment environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "App_Data", "common-passwords.txt");
        if (!File.Exists(path))
        {
            path = Path.Combine(environment.ContentRootPath, "App_Data", "common-passwords.txt");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "The list of common passwords is missing; it is made by the front-end build (npm, build-frontend.mjs).", path);
        }

        passwords = new HashSet<string>(File.ReadLines(path).Where(l => l.Length > 0), StringComparer.Ordinal);
    }

    public int Count => passwords.Count;

    public bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (passwords.Contains(lower))
        {
            return true;
        }

        // A common password said twice, or one character over and over, is no stronger than the original.
        if (lower.Length % 2 == 0 && lower[..(lower.Length / 2)] == lower[(lower.Length / 2)..]
                                  && passwords.Contains(lower[..(lower.Length / 2)]))
        {
            return true;
        }

        return lower.Distinct().Count() <= 2;
    }
}

public sealed class WithUsPasswordValidator(CommonPasswords common, WithUsDbContext db) : IPasswordValidator<ApplicationUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        password ??= string.Empty;
        var isStaff = user.Id != Guid.Empty && await db.UserHasStaffRoleAnywhereAsync(user.Id);
        return Validate(password, isStaff, user.Email);
    }

    public IdentityResult Validate(string password, bool isStaff, string? email)
    {
        var minimum = PasswordRules.MinimumFor(isStaff);
        var errors = new List<IdentityError>();
        if (password.Length < minimum)
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooShort",
                Description = isStaff
                    ? $"Password must be at least {minimum} characters, because you are staff or an administrator"
                    : $"Password must be at least {minimum} characters",
            });
        }
        else if (password.Length > PasswordRules.MaximumLength)
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Password must be {PasswordRules.MaximumLength} characters or fewer",
            });
        }
        else if (common.IsCommon(password)
                 || (email is not null && password.Contains(email, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordCommon",
                Description = "That password is too easy to guess. Try three or four random words together",
            });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
