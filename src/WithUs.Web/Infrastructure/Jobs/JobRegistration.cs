namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>A job known to this app: the stable name its state row is kept under, and the class that does the work.</summary>
public sealed record JobRegistration(string Name, Type JobType);
