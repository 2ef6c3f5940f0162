using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Domain.Categories;
using Overholt.Infrastructure.History;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.History;

/// <summary>The history is written with the change or not at all, costs the change no round trip, and is purged after its retention.</summary>
public abstract class HistoryWritingTests(OverholtApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_command_that_rolls_back_leaves_no_history()
    {
        var store = await Given.Store("Before").SaveAsync();
        var failure = new FailureAfterTheHistoryEntry();
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(failure));
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(node.CreateClient(), Admin.Email, Admin.Password));
        failure.Armed = true;

        var response = await client.PutJsonAsync($"/api/stores/{store.Id}", new { name = "After" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(failure.Armed);
        Assert.Equal("Before", (await (await AsAdmin.GetAsync($"/api/stores/{store.Id}")).AssertOkJson()).GetProperty("name").GetString());
        var history = await (await AsAdmin.GetAsync($"/api/history?action=store.updated")).AssertOkList();
        Assert.Equal(0, history.GetProperty("meta").GetProperty("total").GetInt32());
    }

    /// <summary>
    /// A creation and its entry commit together or not at all. On PostgreSQL they go as one command with no
    /// transaction of EF's (the entry's statement last, read by no one, so only its error tells); on SQLite the entry
    /// follows in its own command, in a transaction with the insert.
    /// </summary>
    [Fact]
    public async Task A_creation_whose_history_entry_fails_leaves_neither()
    {
        var failure = new FailureAfterTheHistoryEntry();
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(failure));
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(node.CreateClient(), Admin.Email, Admin.Password));
        failure.Armed = true;

        var response = await client.PostJsonAsync("/api/stores", new { name = "Never written", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(failure.Armed);
        var stores = await (await AsAdmin.GetAsync("/api/stores?search=never%20written")).AssertOkList();
        Assert.Equal(0, stores.GetProperty("meta").GetProperty("total").GetInt32());
        var history = await (await AsAdmin.GetAsync("/api/history?action=store.created")).AssertOkList();
        Assert.Equal(0, history.GetProperty("meta").GetProperty("total").GetInt32());
    }

    /// <summary>One save that changes several resources writes an entry for each, with its own fields (one statement of several rows, on PostgreSQL).</summary>
    [Fact]
    public async Task One_save_of_several_changes_writes_an_entry_for_each()
    {
        var first = await Given.Store("First").SaveAsync();
        var second = await Given.Store("Second").SaveAsync();
        var product = await Given.Product().SaveAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
            var stores = await db.Stores.Include(store => store.Products).Where(store => store.Id == first.Id || store.Id == second.Id).ToListAsync();
            stores.Single(store => store.Id == first.Id).ChangeDetails(name: "First renamed");
            stores.Single(store => store.Id == second.Id).ChangeDetails(city: "Salem");
            stores.Single(store => store.Id == second.Id).AddProduct(product.Id);
            await db.SaveChangesAsync();
        }

        var firstHistory = await (await AsAdmin.GetAsync($"/api/stores/{first.Id}/history")).AssertOkList();
        var firstEntry = Assert.Single(firstHistory.GetProperty("data").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "store.updated");
        Assert.Equal("""{"name":["First","First renamed"]}""", firstEntry.GetProperty("changes").GetRawText());
        Assert.Equal("system", firstEntry.GetProperty("actor").GetProperty("kind").GetString());
        var secondHistory = (await (await AsAdmin.GetAsync($"/api/stores/{second.Id}/history")).AssertOkList()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("""{"city":["Portland","Salem"]}""", Assert.Single(secondHistory, entry => entry.GetProperty("action").GetString() == "store.updated").GetProperty("changes").GetRawText());
        Assert.Equal($$"""{"product":[null,{{product.Id}}]}""", Assert.Single(secondHistory, entry => entry.GetProperty("action").GetString() == "store.product_added").GetProperty("changes").GetRawText());
    }

    /// <summary>
    /// A save of as many entries as one appended statement carries, and of one more (those are tracked by EF), writes
    /// every entry.
    /// </summary>
    [Theory]
    [InlineData(50)]
    [InlineData(51)]
    public async Task A_save_of_many_changes_writes_every_entry(int categories)
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
            for (var i = 0; i < categories; i++)
                db.Categories.Add(new Category($"Bulk {i:D3}", null));
            await db.SaveChangesAsync();
        }

        var history = await (await AsAdmin.GetAsync("/api/history?action=category.created&page_size=100")).AssertOkList();
        Assert.Equal(categories, history.GetProperty("meta").GetProperty("total").GetInt32());
        var named = history.GetProperty("data").EnumerateArray().Select(entry => entry.GetProperty("changes").GetProperty("name")[1].GetString()).Order();
        Assert.Equal(Enumerable.Range(0, categories).Select(i => $"Bulk {i:D3}"), named);
    }

    /// <summary>
    /// Another edit moves the store's version between the command's read and its update: the update matches no row,
    /// and what went with it (its history entry) must not stay. The command runs again and writes its one entry.
    /// </summary>
    [Fact]
    public async Task An_update_that_loses_the_race_for_the_version_leaves_no_entry_of_its_own()
    {
        var store = await Given.Store("Before").SaveAsync();
        var race = new EditBeforeTheUpdate(store.Id, App.Database);
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(race));
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(node.CreateClient(), Admin.Email, Admin.Password));
        race.Armed = true;

        var updated = await (await client.PutJsonAsync($"/api/stores/{store.Id}", new { name = "After" })).AssertOkJson();

        Assert.False(race.Armed);
        Assert.Equal("After", updated.GetProperty("name").GetString());
        var history = await (await AsAdmin.GetAsync($"/api/stores/{store.Id}/history")).AssertOkList();
        var updates = history.GetProperty("data").EnumerateArray().Where(entry => entry.GetProperty("action").GetString() == "store.updated").ToList();
        Assert.Single(updates);
    }

    /// <summary>
    /// The synchronous save, which only the framework calls, writes a creation's entry with it or neither: on SQLite the
    /// entry follows the insert in a second command, which fails here.
    /// </summary>
    [Fact]
    public async Task A_synchronous_save_that_fails_at_the_history_entry_leaves_neither_the_creation_nor_the_entry()
    {
        var failure = new FailureAfterTheHistoryEntry();
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(failure));
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
            db.Categories.Add(new Category("Written synchronously", null));
            failure.Armed = true;

            Assert.ThrowsAny<Exception>(() => db.SaveChanges());
            Assert.False(failure.Armed);
        }

        await AssertSynchronousCategoryAndEntriesAsync(0);
    }

    [Fact]
    public async Task A_synchronous_save_writes_the_creation_and_its_history_entry()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
            db.Categories.Add(new Category("Written synchronously", null));
            db.SaveChanges();
        }

        await AssertSynchronousCategoryAndEntriesAsync(1);
    }

    /// <summary>How many categories the synchronous saves above wrote, and as many creation entries.</summary>
    private async Task AssertSynchronousCategoryAndEntriesAsync(int expected)
    {
        var categories = await (await AsAdmin.GetAsync("/api/categories?search=synchronously")).AssertOkList();
        Assert.Equal(expected, categories.GetProperty("meta").GetProperty("total").GetInt32());
        var history = await (await AsAdmin.GetAsync("/api/history?action=category.created")).AssertOkList();
        Assert.Equal(expected, history.GetProperty("meta").GetProperty("total").GetInt32());
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

    /// <summary>
    /// Makes the save that writes a history entry fail once the change itself has run: on PostgreSQL a statement that
    /// fails at the end of the same command (the change and its entry go as one), on SQLite the entry's own command.
    /// </summary>
    private sealed class FailureAfterTheHistoryEntry : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (!Armed || !command.CommandText.Replace("\"", string.Empty, StringComparison.Ordinal).Contains("INSERT INTO change_history", StringComparison.Ordinal))
                return result;
            Armed = false;
            if (command is not Npgsql.NpgsqlCommand)
                throw new InvalidOperationException("The history entry is refused");
            command.CommandText += ";\nSELECT 1 / 0;";
            return result;
        }
    }
}

/// <summary>Once armed, moves the store's version on another connection just before the app's update of it is sent.</summary>
internal sealed class EditBeforeTheUpdate(int storeId, TestDatabase database) : DbCommandInterceptor
{
    public bool Armed { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!Armed || !command.CommandText.Replace("\"", string.Empty, StringComparison.Ordinal).Contains("UPDATE stores", StringComparison.Ordinal))
            return result;
        Armed = false;
        await using DbConnection other = database.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await other.OpenAsync(cancellationToken);
        await using var edit = other.CreateCommand();
        edit.CommandText = $"UPDATE stores SET version = version + 1 WHERE id = {storeId}";
        await edit.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}

public sealed class PostgresHistoryWritingTests(PostgresApp postgres) : HistoryWritingTests(postgres.App)
{
    [Fact]
    public async Task A_store_update_and_its_history_entry_go_to_the_database_in_one_batch_in_a_transaction()
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
        // In EF's transaction: PostgreSQL would commit the command's statements as one, but an update that matches no
        // row (a lost race for the version) is no error to it, and its entry would stay (the test above).
        Assert.Equal(["BEGIN", "COMMIT"], App.Statements.Sent.Select(statement => statement.Sql).Where(sql => sql is "BEGIN" or "COMMIT"));
    }
}

public sealed class SqliteHistoryWritingTests(SqliteApp sqlite) : HistoryWritingTests(sqlite.App), IClassFixture<SqliteApp>;
