using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Overholt.Infrastructure.Persistence;

/// <summary>How each provider is set up, shared by the app and the design-time factories.</summary>
public static class ProviderConfiguration
{
    /// <summary>
    /// SQLite reads a related collection with split queries: joined into one statement, it would materialize the whole
    /// link table behind a LEFT JOIN for every read (a product's categories: every product's links), where split, each
    /// statement finds its rows by key. In-process, the extra statement costs no round trip.
    /// </summary>
    public static DbContextOptionsBuilder UseOverholtSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsHistoryTable("__EFMigrationsHistory")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .ExecutionStrategy(dependencies => new OverholtExecutionStrategy(dependencies)))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseOverholtPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPostgresDefaults(connectionString), postgres => postgres
                .MigrationsHistoryTable("__EFMigrationsHistory")
                .ExecutionStrategy(dependencies => new OverholtExecutionStrategy(dependencies)))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The app's own Npgsql defaults, for the connection string as a user writes it: the same few statements run on
    /// every request, so they are prepared once per connection, and a pooled connection is not reset (DISCARD ALL)
    /// each time it is returned. Either is overridden by naming it in the connection string.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        // Which settings the string names: Npgsql's own builder answers ContainsKey for every keyword it knows, set or not.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
            tuned.MaxAutoPrepare = 32;
        if (!named.Contains(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose)))
            tuned.NoResetOnClose = true;
        return tuned.ConnectionString;
    }
}
