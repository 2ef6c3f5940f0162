using System.Text.Json;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Operations;

/// <summary><c>Logging:Console:FormatterName=json</c>: every line the process writes is one JSON object, and a request's lines carry its trace id.</summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task Each_line_is_a_json_object_with_a_timestamp_and_the_request_trace_id()
    {
        var database = Path.Combine(Path.GetTempPath(), $"overholt-logs-{Guid.NewGuid():N}.db");
        await using (var node = await AppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={database}",
            ["Seed:AdminEmail"] = "admin@example.com",
            ["Seed:AdminPassword"] = OverholtApp.Password,
            ["Shutdown:NoticePeriod"] = "00:00:00",
            ["Logging:Console:FormatterName"] = "json",
        }))
        {
            using var client = node.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(client, "admin@example.com", OverholtApp.Password));
            var problem = await (await client.GetAsync("/api/stores/424242")).AssertProblem(404);
            var traceId = problem.GetProperty("trace_id").GetString()!.Split('-')[1]; // W3C traceparent: version-trace-span-flags

            node.SendTerminate();
            Assert.Equal(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(30)));

            var lines = node.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(lines);
            var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList(); // throws on any line that is not JSON
            Assert.All(entries, entry => Assert.True(DateTimeOffset.TryParse(entry.GetProperty("Timestamp").GetString(), out _)));
            Assert.Contains(entries, entry =>
                entry.GetProperty("Message").GetString()!.Contains("GetStore", StringComparison.Ordinal)
                && entry.GetProperty("Scopes").EnumerateArray().Any(scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId));
        }

        File.Delete(database);
    }
}
