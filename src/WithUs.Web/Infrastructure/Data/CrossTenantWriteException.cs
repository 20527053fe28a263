namespace WithUs.Web.Infrastructure.Data;

/// <summary>Thrown instead of saving a change that would touch another organisation's data.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
