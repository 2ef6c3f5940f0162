using System.Diagnostics;
using System.Net;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Operations;

/// <summary><c>/alive</c> is the process; <c>/health</c> follows the database and the outbox, on a cluster of its own that the test stops.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.ConnectionStringVariable)))
            Assert.Skip("Stopping the database needs the throwaway cluster, not a server given by OVERHOLT_TEST_POSTGRES");
        _server = await PostgresServer.StartAsync();
        _app = new OverholtApp(await TestDatabase.CreatePostgresAsync(_server), new Dictionary<string, string?> { ["Health:OutboxMaxAge"] = "00:00:01" });
        await _app.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Health_is_503_while_the_database_is_down_and_200_again_without_a_restart()
    {
        await AssertAnswer("/health", HttpStatusCode.OK, "Healthy");

        await _server.StopAsync();
        await WaitFor("/health", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        await AssertAnswer("/health", HttpStatusCode.ServiceUnavailable, "Unhealthy"); // and nothing else: no internals
        await AssertAnswer("/alive", HttpStatusCode.OK, "Healthy");

        await _server.StartAgainAsync();
        await WaitFor("/health", HttpStatusCode.OK, TimeSpan.FromSeconds(15));
        await (await _app.AsUser.GetAsync("/api/stores")).AssertOkList();
    }

    [Fact]
    public async Task Health_is_degraded_while_outbox_messages_wait_too_long()
    {
        var store = await _app.Given.Store().SaveAsync();
        // Test apps run as role web: nothing dispatches the outbox, as when every worker is down.
        await (await _app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{_app.User.Id}")).AssertOkJson();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await AssertAnswer("/health", HttpStatusCode.OK, "Degraded");
    }

    private async Task AssertAnswer(string url, HttpStatusCode status, string body)
    {
        var response = await _app.Anonymous.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    private async Task WaitFor(string url, HttpStatusCode status, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while ((await _app.Anonymous.GetAsync(url)).StatusCode != status)
        {
            Assert.True(waited.Elapsed < within, $"{url} did not answer {(int)status} within {within.TotalSeconds} s");
            await Task.Delay(250);
        }
    }
}
