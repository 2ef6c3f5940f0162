using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Email;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Jobs;

/// <summary>
/// The outbox on PostgreSQL: a worker is woken by the database's notification of each new message, falls back to
/// polling when it cannot hear them or one is lost, and purges what it no longer needs. Each test has its own database.
/// </summary>
public sealed class OutboxTests(PostgresApp postgres) : IAsyncLifetime
{
    private const string KillTheListener =
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'overholt-listener' AND datname = current_database()";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TestSmtpServer _smtp = new();
    private readonly List<OverholtApp> _apps = [];
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreatePostgresAsync(postgres.Server);
        _smtp.Start();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_that_cannot_hear_notifications_polls_the_outbox_until_it_hears_them_again()
    {
        var app = await StartAsync("all");
        var signal = app.Services.GetRequiredService<OutboxSignal>();
        await Eventually(() => signal.IsListening, "the worker to listen");

        await ExecuteSqlAsync("DROP TRIGGER outbox_message_inserted ON outbox_messages");
        await ExecuteSqlAsync(KillTheListener);
        await Eventually(() => !signal.IsListening, "the worker to notice it no longer listens");
        await AddManagerAsync(app, "First shop");
        Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience)); // polled every Jobs:PollInterval meanwhile
        Assert.False(signal.IsListening); // no trigger, no listening

        await ExecuteSqlAsync("CREATE TRIGGER outbox_message_inserted AFTER INSERT ON outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_message()");
        await Eventually(() => signal.IsListening, "the worker to listen again once the trigger is back");
        await AddManagerAsync(app, "Second shop");
        Assert.Equal(2, (await _smtp.WaitForMessagesAsync(2, Patience)).Count);
    }

    [Fact]
    public async Task A_message_whose_notification_is_lost_is_dispatched_at_the_next_fallback_poll()
    {
        // Polling as if unheard would take an hour: only the fallback poll can find the message.
        var app = await StartAsync("all", ("Jobs:PollInterval", "01:00:00"), ("Jobs:FallbackPollInterval", "00:00:02"));
        var signal = app.Services.GetRequiredService<OutboxSignal>();
        await Eventually(() => signal.IsListening, "the worker to listen");
        await ExecuteSqlAsync("ALTER TABLE outbox_messages DISABLE TRIGGER outbox_message_inserted");

        await AddManagerAsync(app, "Corner shop");

        Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
        Assert.True(signal.IsListening);
    }

    [Fact]
    public async Task A_worker_purges_what_was_processed_before_the_retention_period_when_it_starts()
    {
        var web = await StartAsync("web");
        var worker = await StartAsync("worker");
        await AddManagerAsync(web, "First shop");
        await _smtp.WaitForMessagesAsync(1, Patience);
        await Eventually(() => Query(web, db => db.Set<OutboxMessage>().AnyAsync(message => message.ProcessedAt != null)), "the message to be processed");
        var first = await Query(web, db => db.Set<OutboxMessage>().Select(message => message.Id).SingleAsync());
        await worker.DisposeAsync();
        _apps.Remove(worker);
        await AddManagerAsync(web, "Second shop"); // waits in the outbox: no worker runs
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // A worker keeping messages for a second finds the first one past that when it starts; the second one it sends.
        await StartAsync("worker", ("Jobs:OutboxRetention", "00:00:01"));

        await Eventually(async () => !await Query(web, db => db.Set<OutboxMessage>().AnyAsync(message => message.Id == first)), "the processed message to be purged");
        await Eventually(async () => !await Query(web, db => db.Set<ProcessedMessage>().AnyAsync(record => record.MessageId == first)), "its processing record to be purged");
        Assert.Equal(2, (await _smtp.WaitForMessagesAsync(2, Patience)).Count);
        Assert.Equal(1, await Query(web, db => db.Set<OutboxMessage>().CountAsync()));
    }

    private async Task<OverholtApp> StartAsync(string role, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(_smtp.AppSettings) { ["Role"] = role };
        foreach (var (key, value) in settings)
            all[key] = value;
        var app = new OverholtApp(_database, all);
        if (_apps.Count == 0)
            await app.ResetAsync();
        else
            _ = app.Services; // starts the host: its worker begins
        _apps.Add(app);
        return app;
    }

    private static async Task AddManagerAsync(OverholtApp app, string storeName)
    {
        var first = app.Given;
        var store = await first.Store(storeName).SaveAsync();
        var user = await first.User($"{Guid.NewGuid():N}@example.com").SaveAsync();
        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{user.Id}")).AssertOkJson();
    }

    private static async Task<T> Query<T>(OverholtApp app, Func<OverholtDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OverholtDbContext>());
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task Eventually(Func<bool> condition, string what) => Eventually(() => Task.FromResult(condition()), what);

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"Gave up waiting for {what}");
            await Task.Delay(50);
        }
    }
}
