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

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                                  && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
