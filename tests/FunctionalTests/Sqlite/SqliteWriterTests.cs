using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Sqlite;

/// <summary>
/// The embedded database under concurrent writers: a process's commands take turns instead of colliding on SQLite's
/// lock (where its busy handler sleeps), and the file keeps a write-ahead log so readers and the writer do not wait
/// for each other.
/// </summary>
public sealed class SqliteWriterTests
{
    [Fact]
    public async Task Concurrent_creates_all_succeed_one_write_at_a_time()
    {
        var writes = new ConcurrentWrites();
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, services: services => services.AddSingleton<IInterceptor>(writes));
        await app.ResetAsync();
        var admin = app.AsAdmin;

        var created = await Task.WhenAll(Enumerable.Range(1, 32).Select(async i =>
        {
            using var response = await admin.PostJsonAsync("/api/stores", new { name = $"Store {i}", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return response.Headers.Location;
        }));

        Assert.Equal(32, created.Distinct().Count());
        Assert.Equal(32, writes.Inserts);
        Assert.Equal(1, writes.MostAtOnce);
    }

    /// <summary>
    /// A write outside the commands' turns meets SQLite's lock: the outbox's poll (every 100 ms here, every second by
    /// default) used to lease with an UPDATE that matched nothing, and a command committing at that moment slept in the
    /// busy handler (60-110 ms create p99 in one benchmark round in two). An empty outbox is now only read.
    /// </summary>
    [Fact]
    public async Task An_idle_worker_polls_the_outbox_without_writing()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, new Dictionary<string, string?> { ["Role"] = "all" });
        await app.ResetAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // start-up's own writes done
        app.Statements.Reset();

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        var sent = app.Statements.Sent.Select(statement => statement.Sql.TrimStart()).ToList();
        Assert.Contains(sent, sql => sql.Contains("outbox_messages", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, sql => sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_database_file_keeps_a_write_ahead_log()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database);
        await app.ResetAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var journal = await scope.ServiceProvider.GetRequiredService<OverholtDbContext>().Database
            .SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", journal);
    }

    /// <summary>How many store inserts ran, and the most that were running at the same moment.</summary>
    private sealed class ConcurrentWrites : DbCommandInterceptor
    {
        private int _running;
        private int _inserts;
        private int _mostAtOnce;

        public int Inserts => _inserts;

        public int MostAtOnce => _mostAtOnce;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"stores\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _inserts);
                var running = Interlocked.Increment(ref _running);
                InterlockedMax(ref _mostAtOnce, running);
                await Task.Delay(5, cancellationToken); // long enough for a colliding writer to show
            }

            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"stores\"", StringComparison.Ordinal))
                Interlocked.Decrement(ref _running);
            return ValueTask.FromResult(result);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, current) == current)
                    return;
            }
        }
    }
}
