using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Caching;
using Overholt.Infrastructure.Jobs;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Email;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Jobs;

/// <summary>
/// A node with nothing to do leaves the database alone, and still mails a manager change at once: its worker is woken
/// by PostgreSQL's notifications instead of polling (its outbox dispatcher; the dispatcher's enqueue wakes its job
/// workers within the process), and Hangfire's periodic work is spaced out. The node runs as in
/// production (role all, the production defaults of every <c>Jobs:</c> and <c>Cache:</c> interval, which the test kit
/// otherwise shortens).
/// </summary>
public sealed class IdleNodeTests(PostgresApp postgres) : IAsyncLifetime
{
    /// <summary>
    /// A minute, as an operator would measure: every periodic task turns in it. Hangfire's two schedulers take a
    /// lock every 30 s (five transactions each), heartbeats every 30 s (two), the fallback polls of the outbox and
    /// the job queue once a minute (five): about 30 transactions, at most about 50 if every turn falls inside.
    /// </summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>A backend that has just reported its counts holds the next ones back while it stays idle, up to 10 s.</summary>
    private static readonly TimeSpan StatisticsDelay = TimeSpan.FromSeconds(12);

    private readonly TestSmtpServer _smtp = new();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreatePostgresAsync(postgres.Server);
        // Migrated and seeded by a first app, gone before the measured node starts: creating the schemas is not idling.
        await using (var migrator = new OverholtApp(_database))
        {
            await migrator.ResetAsync();
            _ = migrator.Services.GetRequiredService<Hangfire.JobStorage>(); // installs Hangfire's schema
        }

        NpgsqlConnection.ClearAllPools();
        // Nor is the server's maintenance after it: vacuumed now, the new tables and catalogs give autovacuum nothing
        // to do (and count) during the measurement.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await vacuum.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task An_idle_node_commits_at_most_one_transaction_a_second()
    {
        await using var app = new OverholtApp(_database, ProductionNode());
        _ = app.Services; // started: the worker running
        Assert.Equal(Environments.Production, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        await Task.Delay(StatisticsDelay); // its start-up's transactions are counted before the window opens

        var before = await TransactionsAsync();
        var clock = Stopwatch.StartNew();
        await Task.Delay(Window);
        var after = await TransactionsAsync();
        var rate = (after - before) / clock.Elapsed.TotalSeconds;

        TestContext.Current.TestOutputHelper?.WriteLine($"{after - before} transactions in {clock.Elapsed.TotalSeconds:0.0} s: {rate:0.00}/s");
        Assert.True(rate <= 1.0, $"An idle node committed {after - before} transactions in {clock.Elapsed.TotalSeconds:0} s ({rate:0.00}/s)");
    }

    [Fact]
    public async Task A_manager_added_on_an_idle_node_is_mailed_within_two_seconds()
    {
        _smtp.Start();
        await using var app = new OverholtApp(_database, ProductionNode(_smtp.AppSettings));
        await app.ResetAsync();
        var store = await app.Given.Store("Corner shop").SaveAsync();
        await (await app.AsAdmin.GetAsync("/api/stores")).AssertOkList(); // sign-in outside the timing
        await Task.Delay(TimeSpan.FromSeconds(3)); // idle: the worker is waiting, not polling

        var clock = Stopwatch.StartNew();
        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();
        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(2)));

        TestContext.Current.TestOutputHelper?.WriteLine($"Mailed {clock.ElapsedMilliseconds} ms after the request was sent");
        Assert.Equal("You are now a manager of Corner shop", message.Subject);
        Assert.True(app.Services.GetRequiredService<OutboxSignal>().IsListening);
    }

    [Fact]
    public async Task An_idle_nodes_job_workers_do_not_listen_to_the_database()
    {
        await using var app = new OverholtApp(_database, ProductionNode());
        _ = app.Services; // started: the worker running
        await Task.Delay(TimeSpan.FromSeconds(3)); // its job workers are waiting for work

        // PostgreSQL wakes every listening backend of a database for each notification, whatever its channel: a
        // worker listening for jobs would be woken by every catalogue change. Hangfire.PostgreSql's long polling
        // leaves `LISTEN new_job` as the last statement of each waiting worker's connection.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN new_job%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        Assert.True(app.Services.GetRequiredService<OutboxSignal>().IsListening);
    }

    [Fact]
    public async Task A_node_that_serves_and_works_listens_on_one_connection_for_both()
    {
        await using var app = new OverholtApp(_database, ProductionNode());
        var clock = Stopwatch.StartNew();
        while (!(app.Services.GetRequiredService<OutboxSignal>().IsListening && app.Services.GetRequiredService<IReadCache>().IsServing))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the node never listened for both the outbox and the catalogue");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // Each listening backend is woken by every notification of the database: two connections would double what
        // each catalogue change costs the database. The node's other connections are pooled and unnamed.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(application_name, ', ') FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'overholt-%'", connection);
        Assert.Equal("overholt-listener", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>PostgreSQL, role all, in Production, and the production defaults of every <c>Jobs:</c> and <c>Cache:</c> interval.</summary>
    private static Dictionary<string, string?> ProductionNode(IReadOnlyDictionary<string, string?>? more = null)
    {
        var defaults = new JobsOptions();
        var cache = new CacheOptions();
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["environment"] = Environments.Production,
            ["Role"] = "all",
            ["Jobs:PollInterval"] = Format(defaults.PollInterval),
            ["Jobs:FallbackPollInterval"] = Format(defaults.FallbackPollInterval),
            ["Jobs:SchedulePollInterval"] = Format(defaults.SchedulePollInterval),
            ["Cache:HeartbeatInterval"] = Format(cache.HeartbeatInterval),
            ["Cache:StaleAfter"] = Format(cache.StaleAfter),
        };
        return settings;
    }

    private static string Format(TimeSpan interval) => interval.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>
    /// The app database's transactions, committed and rolled back, as PostgreSQL counts them; read from the server's
    /// maintenance database so that the reading is not counted.
    /// </summary>
    private async Task<long> TransactionsAsync()
    {
        var appDatabase = new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", appDatabase);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
