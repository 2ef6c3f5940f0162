using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;
using Overholt.Testing;
using Overholt.Testing.Email;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Operations;

/// <summary>
/// SIGTERM to a node that serves and runs jobs, as its own process behind real Kestrel: readiness says 503 at once
/// while the node still serves, a request in flight completes, an email being sent is sent (once), and the process
/// ends cleanly within the notice period and the drain time.
/// </summary>
public sealed class GracefulShutdownTests(PostgresApp postgres)
{
    private static readonly TimeSpan NoticePeriod = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sigterm_says_503_to_probes_finishes_a_slow_request_and_an_email_mid_send_then_exits_cleanly()
    {
        await using var smtp = new TestSmtpServer { DelayPerMessage = TimeSpan.FromSeconds(3) }.Start();
        var database = await postgres.Server.CreateDatabaseAsync("overholt_shutdown");
        await using var node = await AppProcess.StartAsync(new Dictionary<string, string?>(smtp.AppSettings)
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = database,
            ["Role"] = "all",
            ["Seed:AdminEmail"] = "admin@example.com",
            ["Seed:AdminPassword"] = OverholtApp.Password,
            ["Shutdown:NoticePeriod"] = NoticePeriod.ToString(),
            ["Shutdown:DrainTime"] = DrainTime.ToString(),
        });
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(client, "admin@example.com", OverholtApp.Password));
        var store = await (await client.PostJsonAsync("/api/stores", new { name = "Corner shop", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(HttpStatusCode.Created);
        await (await client.PutAsync($"/api/stores/{store.GetProperty("id").GetInt32()}/managers/1")).AssertOkJson();
        await WaitUntil(() => smtp.MessagesStarted == 1, "the email was not being sent", node);

        // A request whose body is still arriving when the signal comes.
        var body = new SlowBody(JsonSerializer.SerializeToUtf8Bytes(new { name = "Sent across the shutdown" }));
        using var slowClient = node.CreateClient();
        using var slowRequest = new HttpRequestMessage(HttpMethod.Post, "/api/categories") { Content = body };
        slowRequest.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
        var slowResponse = slowClient.SendAsync(slowRequest);
        await body.HalfSent.Task;
        await Task.Delay(300);

        var signalled = Stopwatch.StartNew();
        node.SendTerminate();
        using (var probe = node.CreateClient())
        {
            await WaitUntil(async () => (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.ServiceUnavailable, "/health did not answer 503", node, TimeSpan.FromSeconds(1));
            Assert.True(signalled.Elapsed < NoticePeriod, "the notice period was over before /health said 503");
            probe.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
            await (await probe.GetAsync("/api/categories")).AssertOkList(); // still serving, until the balancer has noticed
        }

        body.Finish.SetResult();
        await (await slowResponse).AssertOkJson(HttpStatusCode.Created);
        var exit = await node.WaitForExitAsync(NoticePeriod + DrainTime + TimeSpan.FromSeconds(10));

        Assert.True(exit == 0, $"exit code {exit}\n{node.Log}");
        var email = Assert.Single(smtp.Messages);
        Assert.Equal("You are now a manager of Corner shop", email.Subject);
        Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL"));
        Assert.Equal(1, await ScalarAsync(database, "SELECT count(*) FROM categories WHERE name = 'Sent across the shutdown'"));
    }

    private static async Task WaitUntil(Func<bool> condition, string failure, AppProcess node) =>
        await WaitUntil(() => Task.FromResult(condition()), failure, node, TimeSpan.FromSeconds(15));

    private static async Task WaitUntil(Func<Task<bool>> condition, string failure, AppProcess node, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < within, $"{failure} within {within.TotalSeconds} s\n{node.Log}");
            await Task.Delay(50);
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A JSON body sent in two halves: the second only when the test says so.</summary>
    private sealed class SlowBody : HttpContent
    {
        private readonly byte[] _bytes;

        public SlowBody(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public TaskCompletionSource HalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, _bytes.Length / 2));
            await stream.FlushAsync();
            HalfSent.SetResult();
            await Finish.Task;
            await stream.WriteAsync(_bytes.AsMemory(_bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
