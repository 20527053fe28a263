using System.Security.Claims;

namespace WithUs.Web.Infrastructure.Auditing;

/// <summary>Who is acting in this scope: the signed-in person, or nobody (the system, or someone anonymous).</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
}

public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
