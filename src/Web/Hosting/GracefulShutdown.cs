using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Hosting;

namespace Overholt.Web.Hosting;

/// <summary>
/// The first step of stopping, before the server stops taking requests: readiness (<c>/health</c>) answers 503 for
/// <see cref="ShutdownOptions.NoticePeriod"/> while the node still serves, so a balancer takes it out of rotation
/// before a request can be refused. Then the host stops the server, which lets requests in flight finish, and the
/// worker, which lets running jobs finish (both within <see cref="ShutdownOptions.DrainTime"/>).
/// </summary>
internal sealed partial class GracefulShutdown(IOptions<ShutdownOptions> options, ILogger<GracefulShutdown> logger)
    : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("The node is shutting down.") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var notice = options.Value.NoticePeriod;
        LogStopping(notice.TotalSeconds, options.Value.DrainTime.TotalSeconds);
        try
        {
            await Task.Delay(notice, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Told to stop at once (a second signal, or the host's own timeout): go straight to draining.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: /health answers 503 for {NoticeSeconds} s, then requests in flight and running jobs have {DrainSeconds} s to finish")]
    private partial void LogStopping(double noticeSeconds, double drainSeconds);
}
