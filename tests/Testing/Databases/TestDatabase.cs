using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Overholt.Infrastructure.Persistence;
using Respawn;

namespace Overholt.Testing.Databases;

/// <summary>A database the app under test runs on, and how to empty it between tests.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>
    /// The data-protection key ring is the app's, not test data: it survives resets, as it survives deployments, so
    /// tokens issued before a reset (and by another app instance on the same database) stay readable.
    /// </summary>
    protected const string KeyRingTable = "data_protection_keys";

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Deletes every row of the app's tables (schema and migration history stay).</summary>
    public abstract Task ResetAsync();

    public abstract ValueTask DisposeAsync();

    public static async Task<TestDatabase> CreatePostgresAsync(PostgresServer server) =>
        new PostgresTestDatabase(await server.CreateDatabaseAsync("overholt_test"));

    public static TestDatabase CreateSqlite() => new SqliteTestDatabase();
}

/// <summary>
/// PostgreSQL, reset with Respawn (TRUNCATE ... CASCADE). Sequences go on where they were, as in production: the app
/// keeps blocks of ids it took from them (hi-lo) across a reset, and a sequence started again would hand them out twice.
/// </summary>
internal sealed class PostgresTestDatabase(string connectionString) : TestDatabase
{
    private Respawner? _respawner;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString { get; } = connectionString;

    public override async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // Created lazily: Respawn reads the schema, which exists only once the app has migrated.
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", KeyRingTable],
        });
        await _respawner.ResetAsync(connection);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A SQLite file in the temp directory. Respawn has no SQLite adapter, so reset deletes from each table itself.</summary>
internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"overholt-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={_path}";

    public override async Task ResetAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '{KeyRingTable}')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        var statements = new List<string> { "PRAGMA foreign_keys = OFF;" };
        statements.AddRange(tables.Select(table => $"DELETE FROM \"{table}\";"));
        if (tables.Count > 0)
            statements.Add("DELETE FROM sqlite_sequence;");
        statements.Add("PRAGMA foreign_keys = ON;");
        await Execute(connection, string.Join('\n', statements));
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
        return ValueTask.CompletedTask;
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
