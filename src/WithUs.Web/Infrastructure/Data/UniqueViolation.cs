using Microsoft.Data.Sqlite;
using Npgsql;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// A save refused by a unique index: how a "one per person per thing" rule answers a second request that raced the
/// first (a double click, a retry). The page then treats it as the success it duplicates.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// Stages the changes (looking up what is there, adding what is not) and saves them. When a unique index refuses
    /// the save because a parallel request saved the same thing a moment earlier, stages them again on a clean
    /// context, where they now find that row and build on it, and saves once more.
    /// </summary>
    public static async Task SaveOrJoinAsync(this WithUsDbContext db, Func<Task> stage, CancellationToken cancellationToken)
    {
        await stage();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Is(ex))
        {
            db.ChangeTracker.Clear();
            await stage();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                  && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
