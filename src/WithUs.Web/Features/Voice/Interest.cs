using WithUs.Web.Features.People;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Web.Features.Voice;

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

/// <summary>A record that staff went back to someone about an idea or theme: logged on the person.</summary>
public sealed class ReachBack : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public Guid? ContributionId { get; set; }

    public Guid? ThemeId { get; set; }

    public ContactMethod Method { get; set; }

    /// <summary>What the opportunity was, in a few words.</summary>
    public required string About { get; set; }

    public Guid? ByUserId { get; set; }

    public DateTime AtUtc { get; set; }

    public const int AboutMaxLength = 500;
}

/// <summary>One normalised word of a contribution's text: the similarity index, kept in the database so it is
/// filtered by organisation like everything else and shared by every app node.</summary>
public sealed class ContributionTerm : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ContributionId { get; set; }

    public required string Term { get; set; }

    public const int TermMaxLength = 40;
}
