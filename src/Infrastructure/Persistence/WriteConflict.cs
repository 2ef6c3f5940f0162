using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Recognises, from either provider, a save that lost a race with another transaction: the rows it expected were
/// changed or deleted (a stale version), a row it points to was deleted (foreign key), or a row it adds was added
/// first (unique key). Run again, the command meets the state the winner left and gives its documented answer.
/// </summary>
internal static class WriteConflict
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;

    public static bool Caused(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || IsUniqueViolation(exception)
        || exception.InnerException switch
        {
            PostgresException postgres => postgres.SqlState is PostgresErrorCodes.ForeignKeyViolation
                or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
            SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
            _ => false,
        };

    /// <summary>A unique-key violation: what is still true after a retry is a 409.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
