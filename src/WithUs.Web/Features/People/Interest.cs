using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.People;

/// <summary>
/// Someone would take part in, or wants to hear about, an idea or a theme, so that when money or a chance appears,
/// perhaps years later, staff can find them (seed 000: the women's sports club).
/// </summary>
public sealed class Interest : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The idea; null when the interest is in a whole theme.</summary>
    public Guid? ContributionId { get; set; }

    public Contribution? Contribution { get; set; }

    public Guid? ThemeId { get; set; }

    public Theme? Theme { get; set; }

    public InterestKind Kind { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
