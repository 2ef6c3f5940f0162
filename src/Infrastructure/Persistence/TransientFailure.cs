using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Failures that say nothing about the request, only that the database could not answer just then: a connection
/// refused or reset, the server shutting down or starting up (57P01, 57P03), too many connections (53300), a failover,
/// a timeout, SQLite busy or locked. Npgsql classifies its own (<see cref="DbException.IsTransient"/>).
/// </summary>
public static class TransientFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is a transient database failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is RetryLimitExceededException or CommitUncertainException
                or DbException { IsTransient: true }
                or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
                return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the database itself reported the failure (PostgreSQL with an error code, SQLite busy or locked): the
    /// statement it refused did not commit. A connection lost or a timeout says nothing of what the server did.
    /// </summary>
    public static bool IsReportedByDatabase(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException or SqliteException)
                return true;
        }

        return false;
    }
}
