using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.FunctionalTests.Imports;

/// <summary>
/// An import whose worker stops: stopped while it runs, or gone without a word (its heartbeat old). Nothing is ever half
/// written, and the next worker imports the file from the start. Each test has a database of its own and two hosts:
/// one that serves the API, and the workers that come and go.
/// </summary>
public abstract class ImportRestartTests : IAsyncLifetime
{
    private const string File = "name,categories\nApple,Fruit\nPear,Fruit\n";

    private readonly List<OverholtApp> _apps = [];
    private TestDatabase _database = null!;
    private OverholtApp _web = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _web = Start("web");
        await _web.ResetAsync();
        await _web.Given.Category("Fruit").SaveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task An_import_whose_worker_vanished_is_queued_again_when_a_worker_starts_and_imports_each_row_once()
    {
        var upload = await _web.AsAdmin.UploadAsync("products", File); // no worker yet: it waits in the queue
        var id = (await Overholt.Testing.Http.HttpAssertions.AssertOkJson(upload, System.Net.HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        // As a worker that died while checking it leaves it: running, heartbeat an hour old, its job's message used up.
        await ExecuteAsync($"UPDATE imports SET status = 'Checking', attempts = 1, heartbeat_at = {Timestamp(DateTime.UtcNow.AddHours(-1))}");
        await ExecuteAsync($"UPDATE outbox_messages SET dispatched_at = {Timestamp(DateTime.UtcNow)}, processed_at = {Timestamp(DateTime.UtcNow)}");

        _ = Start("worker").Services;
        var status = await _web.AsAdmin.WaitAsync(id);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(["Apple", "Pear"], await ProductNamesAsync());
    }

    [Fact]
    public async Task A_worker_stopped_mid_import_leaves_nothing_written_and_the_next_worker_imports_the_file()
    {
        var file = new StringBuilder("name,categories\n");
        for (var i = 0; i < 60_000; i++)
            file.Append(CultureInfo.InvariantCulture, $"Product {i:D5},Fruit\n");
        var worker = Start("worker", ("Shutdown:DrainTime", "00:00:00.050"));
        _ = worker.Services;

        var upload = await _web.AsAdmin.UploadAsync("products", file.ToString());
        var id = (await Overholt.Testing.Http.HttpAssertions.AssertOkJson(upload, System.Net.HttpStatusCode.Accepted)).GetProperty("id").GetString()!;
        await EventuallyAsync(async () => await ScalarAsync("SELECT count(*) FROM imports WHERE status IN ('Checking', 'Writing')") == 1);
        _apps.Remove(worker);
        try
        {
            await worker.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The host gave its running job a few milliseconds and then cancelled it: what this test wants.
        }

        // Hangfire logs through a process-wide provider, which still names the stopped host's logger factory.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(_web.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));

        var products = await ScalarAsync("SELECT count(*) FROM products");
        var state = await ScalarTextAsync("SELECT status FROM imports");
        Assert.True(products == 0 || (products == 60_000 && state == "Succeeded"), $"{products} products written, import {state}");

        _ = Start("worker").Services;
        var status = await _web.AsAdmin.WaitAsync(id);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(60_000, await ScalarAsync("SELECT count(*) FROM products"));
        Assert.Equal(60_000, await ScalarAsync("SELECT count(DISTINCT name) FROM products"));
    }

    private OverholtApp Start(string role, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Role"] = role };
        foreach (var (key, value) in settings)
            all[key] = value;
        var app = new OverholtApp(_database, all);
        _apps.Add(app);
        return app;
    }

    private string Timestamp(DateTime time) => _database.Provider == DatabaseProvider.Postgres
        ? $"'{time:yyyy-MM-dd HH:mm:ss}+00'"
        : $"'{time.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture)}'";

    private async Task<List<string>> ProductNamesAsync()
    {
        await using var scope = _web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverholtDbContext>().Products.Select(product => product.Name).OrderBy(name => name).ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _web.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OverholtDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<int> ScalarAsync(string sql) => Convert.ToInt32(await ScalarTextAsync(sql), CultureInfo.InvariantCulture);

    private async Task<string> ScalarTextAsync(string sql)
    {
        await using var scope = _web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The import never started");
            await Task.Delay(20);
        }
    }
}

public sealed class PostgresImportRestartTests(PostgresApp postgres) : ImportRestartTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await TestDatabase.CreatePostgresAsync(postgres.Server);
}

public sealed class SqliteImportRestartTests : ImportRestartTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());
}
