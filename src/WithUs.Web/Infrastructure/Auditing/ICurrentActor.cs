using System.Security.Claims;

namespace WithUs.Web.Infrastructure.Auditing;

/// <summary>Who is acting in this scope: the signed-in person, or nobody (the system, or someone anonymous).</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }

    /// <summary>
    /// For a person who is not signed in yet but is acting for themselves: creating their own account at set-up or
    /// from an invitation. Their changes are then recorded as theirs, not the system's.
    /// </summary>
    void ActAs(Guid userId);
}

public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private Guid? actingAs;

    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : actingAs;

    public void ActAs(Guid userId) => actingAs = userId;
}
