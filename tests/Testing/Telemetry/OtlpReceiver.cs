using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Overholt.Testing.Telemetry;

/// <summary>
/// A small OTLP/HTTP collector on loopback: it accepts <c>POST /v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c>
/// (protobuf) and keeps the bodies. Names and attribute values travel as plain UTF-8 inside protobuf, so a test can
/// look for them without decoding. Point the app at it with <see cref="AppSettings"/>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private OtlpReceiver(WebApplication server) => _server = server;

    public string Endpoint => _server.Urls.First();

    /// <summary>The standard variables, with short export intervals so a test need not wait a minute.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = "overholt-test",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        var receiver = new OtlpReceiver(server);
        server.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
        await server.StartAsync();
        return receiver;
    }

    /// <summary>Waits until a body of <paramref name="signal"/> (traces, metrics, logs) contains every one of <paramref name="texts"/>.</summary>
    public async Task WaitForAsync(string signal, params string[] texts)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var bodies = _received.Where(received => received.Signal == signal).Select(received => Encoding.UTF8.GetString(received.Body));
            if (texts.All(text => bodies.Any(body => body.Contains(text, StringComparison.Ordinal))))
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"No {signal} with {string.Join(", ", texts)} reached the receiver");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
