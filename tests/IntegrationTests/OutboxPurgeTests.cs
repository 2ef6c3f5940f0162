using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Idempotency;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.IntegrationTests;

/// <summary>
/// The outbox tables stay bounded: what was processed before the retention period (7 days) goes, in batches, and
/// nothing that a delivery may still need is touched. Run on each provider below.
/// </summary>
public abstract class OutboxPurgeTests(OverholtApp app) : IAsyncLifetime
{
    private const int OldMessages = 2 * OutboxPurger.BatchSize + 500;

    private static readonly DateTime Now = WholeSeconds(DateTime.UtcNow);

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Purging_deletes_what_was_processed_before_the_retention_period_and_keeps_everything_still_needed()
    {
        var old = Now.AddDays(-8);
        var ancient = Now.AddDays(-30);
        var recent = Now.AddDays(-1);

        // Gone: processed 8 days ago, with their records; a record of a message already gone.
        var purged = await MessagesAsync(OldMessages, occurredAt: old.AddSeconds(-1), dispatchedAt: old, processedAt: old);
        await RecordsAsync(purged, "email", claimedAt: old, processedAt: old);
        await RecordAsync(Guid.NewGuid(), "email", claimedAt: old, processedAt: old);

        // Kept: processed within the retention period.
        var recentMessage = Assert.Single(await MessagesAsync(1, occurredAt: recent.AddSeconds(-1), dispatchedAt: recent, processedAt: recent));
        var recentRecord = await RecordAsync(recentMessage, "email", claimedAt: recent, processedAt: recent);
        var recentOrphan = await RecordAsync(Guid.NewGuid(), "email", claimedAt: recent, processedAt: recent);

        // Kept, however old: never dispatched; leased by a dispatcher; dispatched and never processed, one consumer
        // done long ago and another still holding its claim (the job keeps retrying); a claim with no message, never finished.
        var undispatched = Assert.Single(await MessagesAsync(1, occurredAt: ancient));
        var leased = Assert.Single(await MessagesAsync(1, occurredAt: ancient.AddSeconds(1), lockedUntil: ancient.AddMinutes(1)));
        var unprocessed = Assert.Single(await MessagesAsync(1, occurredAt: ancient.AddSeconds(2), dispatchedAt: ancient.AddSeconds(3)));
        var doneByOne = await RecordAsync(unprocessed, "email", claimedAt: ancient.AddSeconds(4), processedAt: ancient.AddSeconds(5));
        var claimedByAnother = await RecordAsync(unprocessed, "audit", claimedAt: ancient.AddSeconds(6), processedAt: null);
        var abandonedClaim = await RecordAsync(Guid.NewGuid(), "email", claimedAt: ancient.AddSeconds(7), processedAt: null);
        app.Statements.Reset();

        var (messages, records) = await PurgeAsync();

        Assert.Equal((OldMessages, OldMessages + 1), (messages, records));
        Assert.Equal(
            new[] { recentMessage, undispatched, leased, unprocessed }.Order(),
            await InScope(db => db.Set<OutboxMessage>().Select(message => message.Id).OrderBy(id => id).ToListAsync()));
        Assert.Equal(
            new[] { recentRecord, recentOrphan, doneByOne, claimedByAnother, abandonedClaim }.Order(),
            (await InScope(db => db.Set<ProcessedMessage>().Select(record => new { record.MessageId, record.Consumer }).ToListAsync()))
                .Select(record => (record.MessageId, record.Consumer)).Order());

        // In statements of at most a batch each: 1000 + 1000 + 500 messages, then the records.
        var deletes = app.Statements.Sent.Where(statement => statement.Sql.Contains("DELETE FROM outbox_messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, deletes.Count);
        Assert.All(deletes, delete => Assert.Contains(delete.Parameters, parameter => Equals(parameter.Value, OutboxPurger.BatchSize)));

        Assert.Equal((0, 0), await PurgeAsync()); // nothing left to purge: the tables stay at what is needed
    }

    [Fact]
    public async Task Several_workers_purging_at_once_delete_each_row_once_and_fail_nothing()
    {
        var old = Now.AddDays(-8);
        var ids = await MessagesAsync(OldMessages, occurredAt: old, dispatchedAt: old, processedAt: old);
        await RecordsAsync(ids, "email", claimedAt: old, processedAt: old);

        var purges = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(PurgeAsync)));

        Assert.Equal(OldMessages, purges.Sum(purge => purge.Messages));
        Assert.Equal(OldMessages, purges.Sum(purge => purge.Records));
        Assert.Equal(0, await InScope(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(0, await InScope(db => db.Set<ProcessedMessage>().CountAsync()));
    }

    [Fact]
    public async Task Each_purge_statement_finds_its_rows_through_an_index_on_processed_at()
    {
        var old = Now.AddDays(-8);
        await RecordsAsync(await MessagesAsync(10, occurredAt: old, dispatchedAt: old, processedAt: old), "email", claimedAt: old, processedAt: old);
        app.Statements.Reset();
        await PurgeAsync();

        var outbox = app.Statements.Sent.First(statement => statement.Sql.Contains("DELETE FROM outbox_messages", StringComparison.Ordinal));
        var processed = app.Statements.Sent.First(statement => statement.Sql.Contains("DELETE FROM processed_messages", StringComparison.Ordinal));

        Assert.Contains("ix_outbox_messages_processed_at", await PlanAsync(outbox), StringComparison.Ordinal);
        Assert.Contains("ix_processed_messages_processed_at", await PlanAsync(processed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_sign_in_failures_and_reset_requests_go_and_those_still_counting_stay()
    {
        await InScope(db =>
        {
            db.AddRange(
                new SignInFailure { Name = "EXPIRED", Client = "198.51.100.1", Failures = 3, LastFailureAt = Now.AddHours(-1) },
                new SignInFailure { Name = "LOCK-ENDED", Client = "198.51.100.2", Failures = 5, LastFailureAt = Now.AddHours(-1), LockedUntil = Now.AddMinutes(-55) },
                new SignInFailure { Name = "RECENT", Client = "198.51.100.3", Failures = 2, LastFailureAt = Now.AddMinutes(-1) },
                new SignInFailure { Name = "LOCKED", Client = "198.51.100.4", Failures = 5, LastFailureAt = Now.AddMinutes(-20), LockedUntil = Now.AddMinutes(10) },
                new PasswordResetRequest { Email = "OLD@EXAMPLE.COM", RequestedAt = Now.AddMinutes(-6) },
                new PasswordResetRequest { Email = "NEW@EXAMPLE.COM", RequestedAt = Now.AddMinutes(-1) });
            return db.SaveChangesAsync();
        });

        var purged = await app.Services.GetRequiredService<OutboxPurger>().PurgeExpiredThrottlesAsync(CancellationToken.None);

        Assert.Equal(3, purged);
        Assert.Equal(["LOCKED", "RECENT"], await InScope(db => db.Set<SignInFailure>().Select(failure => failure.Name).OrderBy(name => name).ToListAsync()));
        Assert.Equal(["NEW@EXAMPLE.COM"], await InScope(db => db.Set<PasswordResetRequest>().Select(request => request.Email).ToListAsync()));
    }

    [Fact]
    public async Task Idempotency_keys_go_after_a_day_whatever_their_state_and_younger_ones_stay()
    {
        var expired = Now - IdempotencyKeys.Retention - TimeSpan.FromMinutes(1);
        await InScope(db =>
        {
            // More than a batch of finished ones, and one whose request never finished.
            db.AddRange(Enumerable.Range(0, IdempotencyKeys.PurgeBatchSize + 5).Select(i => Key(app.Admin.Id, $"old-{i}", expired.AddSeconds(-i), completed: true)));
            db.AddRange(
                Key(app.User.Id, "old-abandoned", expired, completed: false),
                Key(app.Admin.Id, "recent", Now.AddHours(-23), completed: true),
                Key(app.User.Id, "running", Now.AddMinutes(-1), completed: false));
            return db.SaveChangesAsync();
        });

        var purged = await app.Services.GetRequiredService<OutboxPurger>().PurgeExpiredIdempotencyKeysAsync(CancellationToken.None);

        Assert.Equal(IdempotencyKeys.PurgeBatchSize + 6, purged);
        Assert.Equal(["recent", "running"], await InScope(db => db.Set<IdempotencyKey>().Select(key => key.Key).OrderBy(key => key).ToListAsync()));
    }

    private static IdempotencyKey Key(int userId, string key, DateTime createdAt, bool completed) => new()
    {
        UserId = userId,
        Key = key,
        Fingerprint = new byte[32],
        CreatedAt = createdAt,
        ClaimedAt = createdAt,
        ClaimedBy = "a-request",
        CompletedAt = completed ? createdAt.AddSeconds(1) : null,
        StatusCode = completed ? 201 : null,
        Body = completed ? [1, 2, 3] : null,
    };

    private async Task<(int Messages, int Records)> PurgeAsync() =>
        await app.Services.GetRequiredService<OutboxPurger>().PurgeAsync(CancellationToken.None);

    /// <summary>Saves <paramref name="count"/> outbox messages in the given state; returns their ids.</summary>
    private async Task<List<Guid>> MessagesAsync(
        int count, DateTime occurredAt, DateTime? dispatchedAt = null, DateTime? processedAt = null, DateTime? lockedUntil = null)
    {
        var messages = Enumerable.Range(0, count).Select(i => OutboxMessage.For(new ManagerAdded(1, i), occurredAt)).ToList();
        foreach (var message in messages)
            message.DispatchedAt = dispatchedAt;
        await InScope(async db =>
        {
            db.AddRange(messages);
            await db.SaveChangesAsync();
            // What only the dispatcher and the job set, set the way they do.
            return await db.Set<OutboxMessage>().Where(message => message.OccurredAt == occurredAt).ExecuteUpdateAsync(set => set
                .SetProperty(message => message.ProcessedAt, processedAt)
                .SetProperty(message => message.LockedUntil, lockedUntil)
                .SetProperty(message => message.LockedBy, lockedUntil == null ? null : "another-worker"));
        });
        return [.. messages.Select(message => message.Id)];
    }

    private async Task RecordsAsync(IEnumerable<Guid> messageIds, string consumer, DateTime claimedAt, DateTime? processedAt) =>
        await InScope(async db =>
        {
            db.AddRange(messageIds.Select(id => new ProcessedMessage(id, consumer, claimedAt, "a-worker")));
            await db.SaveChangesAsync();
            return await db.Set<ProcessedMessage>().Where(record => record.ClaimedAt == claimedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(record => record.ProcessedAt, processedAt));
        });

    private async Task<(Guid MessageId, string Consumer)> RecordAsync(Guid messageId, string consumer, DateTime claimedAt, DateTime? processedAt)
    {
        await RecordsAsync([messageId], consumer, claimedAt, processedAt);
        return (messageId, consumer);
    }

    /// <summary>
    /// The plan of a statement the purge sent, explained without running it. On PostgreSQL sequential scans are
    /// priced out first: on a table this small a scan is cheaper, and the question is whether an index can serve.
    /// </summary>
    private async Task<string> PlanAsync(SentStatement statement)
    {
        await using DbConnection connection = app.Database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(app.Database.ConnectionString)
            : new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        if (connection is NpgsqlConnection)
        {
            await using var noScans = connection.CreateCommand();
            noScans.CommandText = "SET enable_seqscan = off";
            await noScans.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (connection is NpgsqlConnection ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(reader.FieldCount - 1));
        return string.Join('\n', plan);
    }

    private async Task<T> InScope<T>(Func<OverholtDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OverholtDbContext>());
    }

    private static DateTime WholeSeconds(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

public sealed class PostgresOutboxPurgeTests(PostgresApp postgres) : OutboxPurgeTests(postgres.App);

public sealed class SqliteOutboxPurgeTests(SqliteApp sqlite) : OutboxPurgeTests(sqlite.App), IClassFixture<SqliteApp>;
