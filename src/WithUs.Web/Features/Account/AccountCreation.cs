using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

/// <summary>
/// Making someone's WithUs account from a form: the first administrator at set-up, and a person accepting an
/// invitation. Each page checks its own fields and says its own errors; the password rules, the account's shape and
/// who the audit log says made it are the same for both.
/// </summary>
public sealed class AccountCreation(
    UserManager<ApplicationUser> users,
    WithUsPasswordValidator passwords,
    ICurrentActor actor,
    TimeProvider clock)
{
    /// <summary>Adds each password rule the password breaks to the form, under <paramref name="field"/>.</summary>
    public void CheckPassword(ModelStateDictionary modelState, string field, string password, bool isStaff, string email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var error in passwords.Validate(password, isStaff, email).Errors)
        {
            modelState.AddModelError(field, error.Description);
        }
    }

    /// <summary>
    /// Creates a confirmed account whose user name is its email address. The audit log records the new person as the
    /// one who made it (nobody else is signed in).
    /// </summary>
    public async Task<(ApplicationUser User, IdentityResult Result)> CreateAsync(
        string displayName, string email, string password, bool isOperator = false)
    {
        var user = new ApplicationUser
        {
            Id = Ids.New(),
            DisplayName = displayName.Trim(),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            IsOperator = isOperator,
        };
        actor.ActAs(user.Id);
        return (user, await users.CreateAsync(user, password));
    }
}
