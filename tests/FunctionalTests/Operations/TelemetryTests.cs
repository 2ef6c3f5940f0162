using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;
using Overholt.Testing.Telemetry;

namespace Overholt.FunctionalTests.Operations;

/// <summary>With the standard OTLP variables set, traces, metrics and logs reach a collector; without them nothing is set up.</summary>
public sealed class TelemetryTests(PostgresApp postgres)
{
    [Fact]
    public async Task Traces_metrics_and_logs_reach_an_otlp_collector()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), collector.AppSettings);
        await app.ResetAsync();
        var store = await app.Given.Store("Corner shop").SaveAsync();

        await (await app.AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();

        await collector.WaitForAsync("traces", "overholt-test", "GetStore", "api/stores/{id:int:min(1)}", "postgresql");
        await collector.WaitForAsync("metrics", "http.server.request.duration", "overholt.outbox.backlog", "overholt.outbox.age");
        await collector.WaitForAsync("logs", "overholt-test");
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported_or_listening()
    {
        await using var app = new OverholtApp(TestDatabase.CreateSqlite());

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }
}
