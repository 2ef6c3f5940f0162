using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Domain.Products;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Operations;

/// <summary>
/// PostgreSQL restarted under a steady load of reads and writes, on a cluster of its own: transient failures are run
/// again (a command whole, authorization included), never a 500; a write is saved once or answered 503 with
/// Retry-After, never half-written or saved twice; reads succeed again soon after the database is back.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan ReadsBackWithin = TimeSpan.FromSeconds(2);

    /// <summary>About how long the execution strategy keeps retrying one operation (its delays add up to 3.55 s).</summary>
    private static readonly TimeSpan RetriedFor = TimeSpan.FromSeconds(3);

    private PostgresServer _server = null!;
    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.ConnectionStringVariable)))
            Assert.Skip("Restarting the database needs the throwaway cluster, not a server given by OVERHOLT_TEST_POSTGRES");
        _server = await PostgresServer.StartAsync();
        // Without the read cache, every read goes to the database.
        _app = new OverholtApp(await TestDatabase.CreatePostgresAsync(_server), new Dictionary<string, string?> { ["Database:CatalogueCache"] = "false" });
        await _app.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_restart_under_load_answers_no_500_saves_each_write_once_or_503_and_reads_come_back_quickly()
    {
        var fruit = await _app.Given.Category("Fruit").SaveAsync();
        var fresh = await _app.Given.Category("Fresh").SaveAsync();
        var product = await _app.Given.Product().InCategory(fruit).SaveAsync();
        await (await _app.AsAdmin.GetAsync("/api/categories")).AssertOkList(); // both clients signed in before the outage
        await (await _app.AsUser.GetAsync("/api/categories")).AssertOkList();

        var clock = Stopwatch.StartNew();
        var reads = new ConcurrentBag<(TimeSpan Started, TimeSpan Ended, HttpResponseMessage Response)>();
        var writes = new ConcurrentBag<(string Name, TimeSpan Started, HttpResponseMessage Response)>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var response = await _app.AsUser.GetAsync($"/api/products/{product.Id}");
                reads.Add((started, clock.Elapsed, response));
            }
        })).ToList();
        var writers = Enumerable.Range(0, 2).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"Written {writer}-{i}";
                var started = clock.Elapsed;
                writes.Add((name, started, await _app.AsAdmin.PostJsonAsync("/api/products", new { name, categories = new[] { fruit.Id, fresh.Id } })));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        var down = clock.Elapsed;
        await _server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        await _server.StartAgainAsync();
        var back = clock.Elapsed;
        await Task.Delay(ReadsBackWithin + TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(readers.Concat(writers));

        var answers = reads.Select(read => read.Response).Concat(writes.Select(write => write.Response)).ToList();
        Assert.All(answers, response => Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}"));
        foreach (var unavailable in answers.Where(response => response.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            Assert.NotNull(unavailable.Headers.RetryAfter);
            await unavailable.AssertProblem(503);
        }

        // An outage shorter than the retries last is waited out: no read fails, and a write fails only when the database
        // stopped during its commit (it may have been saved: the answer says so, and it is never run again).
        Assert.True(back - down < RetriedFor, $"The restart took {(back - down).TotalSeconds:0.0} s");
        Assert.All(reads, read => Assert.Equal(HttpStatusCode.OK, read.Response.StatusCode));
        foreach (var (_, _, response) in writes.Where(write => write.Response.StatusCode == HttpStatusCode.ServiceUnavailable))
            Assert.Contains("may or may not have been saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Once the database is back, the pool's connections to the old server fail at their first use: run again, each
        // request succeeds, and reads that waited through the outage come back within the bound.
        Assert.Contains(reads, read => read.Ended > back && read.Ended < back + ReadsBackWithin && read.Response.StatusCode == HttpStatusCode.OK);
        Assert.All(reads.Where(read => read.Started > back), read => Assert.Equal(HttpStatusCode.OK, read.Response.StatusCode));
        Assert.All(writes.Where(write => write.Started > back), write => Assert.Equal(HttpStatusCode.Created, write.Response.StatusCode));

        var saved = await SavedProductsAsync();
        foreach (var (name, _, response) in writes)
        {
            var copies = saved.Count(product => product.Name == name);
            Assert.True(response.StatusCode == HttpStatusCode.Created ? copies == 1 : copies <= 1, $"{name}: {(int)response.StatusCode} and {copies} saved");
        }

        Assert.All(saved.Where(product => product.Name.StartsWith("Written", StringComparison.Ordinal)), product => Assert.Equal(2, product.Categories));
        Assert.Contains(writes, write => write.Response.StatusCode == HttpStatusCode.Created);
    }

    private async Task<List<(string Name, int Categories)>> SavedProductsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OverholtDbContext>();
        var rows = await db.Set<Product>().Select(product => new { product.Name, Categories = product.Categories.Count }).ToListAsync(TestContext.Current.CancellationToken);
        return rows.Select(row => (row.Name, row.Categories)).ToList();
    }
}
