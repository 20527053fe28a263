namespace WithUs.Web.Features.People;

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
