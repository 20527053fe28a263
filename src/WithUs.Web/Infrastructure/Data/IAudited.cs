namespace WithUs.Web.Infrastructure.Data;

/// <summary>Personal data or access rights: every change to a row of this type is written to the audit log.</summary>
public interface IAudited;
