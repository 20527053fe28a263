using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Themes;

/// <summary>A contribution filed under a theme; a contribution may be under several.</summary>
public sealed class ContributionTheme : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ContributionId { get; set; }

    public Contribution? Contribution { get; set; }

    public Guid ThemeId { get; set; }

    public Theme? Theme { get; set; }
}
