using System.Security.Claims;
using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People.Mine;

/// <summary>The record of the person signed in, in the organisation the request acts in: at most one (a unique index).</summary>
public static class MyRecord
{
    public static Task<Person?> FindAsync(WithUsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.People.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    /// <summary>
    /// Their record, added the first time they tell us something about themselves (what they said, their details,
    /// their needs): kept under the name on their account, by their own wish, given online.
    /// </summary>
    public static async Task<Person> FindOrAddAsync(WithUsDbContext db, ClaimsPrincipal user, Guid userId, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db, userId, cancellationToken) is { } person)
        {
            return person;
        }

        var name = user.FindFirst(WithUsClaimsPrincipalFactory.DisplayNameClaim)?.Value?.Trim();
        return PeopleRegister.Add(db, string.IsNullOrWhiteSpace(name) ? "Partner" : name[..Math.Min(name.Length, Person.NameMaxLength)],
            null, ConsentSource.Themselves, nowUtc, userId);
    }
}
