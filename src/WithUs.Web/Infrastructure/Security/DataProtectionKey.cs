namespace WithUs.Web.Infrastructure.Security;

/// <summary>One Data Protection key ring element, shared by every app node through the database.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; }

    public required string FriendlyName { get; set; }

    public required string Xml { get; set; }
}
