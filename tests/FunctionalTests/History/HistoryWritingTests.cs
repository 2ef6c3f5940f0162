using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.History;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.History;

/// <summary>The history is written with the change or not at all, costs the change no round trip, and is purged after its retention.</summary>
public abstract class HistoryWritingTests(OverholtApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_command_that_rolls_back_leaves_no_history()
    {
        var store = await Given.Store("Before").SaveAsync();
        var refusal = new RefusedCommit();
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(refusal));
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(node.CreateClient(), Admin.Email, Admin.Password));
        refusal.Armed = true;

        var response = await client.PutJsonAsync($"/api/stores/{store.Id}", new { name = "After" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(refusal.Armed);
        Assert.Equal("Before", (await (await AsAdmin.GetAsync($"/api/stores/{store.Id}")).AssertOkJson()).GetProperty("name").GetString());
        var history = await (await AsAdmin.GetAsync($"/api/history?action=store.updated")).AssertOkList();
        Assert.Equal(0, history.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_worker_purges_entries_older_than_the_retention_and_keeps_the_rest()
    {
        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Recent" })).AssertOkJson(HttpStatusCode.Created);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
            db.Set<HistoryEntry>().Add(new HistoryEntry
            {
                At = DateTime.UtcNow.AddDays(-366),
                Actor = "system",
                Action = "category.created",
                ResourceType = "category",
                ResourceId = 424242,
                Changes = "{}",
            });
            await db.SaveChangesAsync();
        }

        var purged = await App.Services.GetRequiredService<OutboxPurger>().PurgeExpiredHistoryAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        var old = await (await AsAdmin.GetAsync("/api/categories/424242/history")).AssertOkList();
        Assert.Equal(0, old.GetProperty("meta").GetProperty("total").GetInt32());
        var recent = await (await AsAdmin.GetAsync("/api/history?action=category.created")).AssertOkList();
        Assert.Equal(1, recent.GetProperty("meta").GetProperty("total").GetInt32());
    }

    /// <summary>Refuses the next commit once armed, as a database that fails at the last moment would.</summary>
    private sealed class RefusedCommit : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (!Armed)
                return ValueTask.FromResult(result);
            Armed = false;
            throw new InvalidOperationException("The commit is refused");
        }
    }
}

public sealed class PostgresHistoryWritingTests(PostgresApp postgres) : HistoryWritingTests(postgres.App)
{
    [Fact]
    public async Task A_store_update_and_its_history_entry_go_to_the_database_in_one_batch()
    {
        var store = await Given.Store("Before").SaveAsync();
        await (await AsAdmin.GetAsync($"/api/stores/{store.Id}/managers")).AssertOkList(); // sign-in and the account's state, once
        await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "Warm" })).AssertOkJson(); // first-statement costs

        App.Statements.Reset();
        await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "After" })).AssertOkJson();

        var writes = App.Statements.Sent.Where(statement => statement.Sql.Contains("UPDATE stores", StringComparison.Ordinal)
            || statement.Sql.Contains("change_history", StringComparison.Ordinal)).ToList();
        var write = Assert.Single(writes);
        Assert.Contains("UPDATE stores", write.Sql, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO change_history", write.Sql, StringComparison.Ordinal);
    }
}

public sealed class SqliteHistoryWritingTests(SqliteApp sqlite) : HistoryWritingTests(sqlite.App), IClassFixture<SqliteApp>;
