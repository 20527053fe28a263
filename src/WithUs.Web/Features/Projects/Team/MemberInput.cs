using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>A team member's role in the project (one offered, or their own words) and what they agree to give.</summary>
public sealed class MemberInput
{
    /// <summary>One of <see cref="ProjectMember.SuggestedRoles"/>, or <see cref="Other"/>.</summary>
    public string? Role { get; set; }

    public string? OtherRole { get; set; }

    public string? Gives { get; set; }

    public const string Other = "other";

    public static MemberInput From(ProjectMember member) => new()
    {
        Role = ProjectMember.SuggestedRoles.Contains(member.Role) ? member.Role : Other,
        OtherRole = ProjectMember.SuggestedRoles.Contains(member.Role) ? null : member.Role,
        Gives = member.Gives,
    };

    /// <summary>The role as it will be kept, or null with an error added under "Input.…".</summary>
    public string? Check(ModelStateDictionary modelState)
    {
        string? role = null;
        if (Role == Other)
        {
            var own = PlainTextAttribute.Clean(OtherRole);
            if (own.Length == 0)
            {
                modelState.AddModelError("Input.OtherRole", "Say what their role is");
            }
            else if (own.Length > ProjectMember.RoleMaxLength)
            {
                modelState.AddModelError("Input.OtherRole", "The role must be 60 characters or fewer");
            }
            else if (!PlainTextAttribute.IsPlain(own) || own.Contains('\n'))
            {
                modelState.AddModelError("Input.OtherRole", "The role can only have letters, numbers, spaces and punctuation");
            }
            else
            {
                role = own;
            }
        }
        else if (Role is not null && ProjectMember.SuggestedRoles.Contains(Role))
        {
            role = Role;
        }
        else
        {
            modelState.AddModelError("Input.Role", "Choose their role in the project");
        }

        var gives = PlainTextAttribute.Clean(Gives);
        if (gives.Length > ProjectMember.GivesMaxLength)
        {
            modelState.AddModelError("Input.Gives", "What they give must be 300 characters or fewer");
        }
        else if (!PlainTextAttribute.IsPlain(gives))
        {
            modelState.AddModelError("Input.Gives", "What they give can only have letters, numbers, spaces and punctuation");
        }

        return role;
    }

    public string? CleanGives => string.IsNullOrWhiteSpace(Gives) ? null : PlainTextAttribute.Clean(Gives);
}
