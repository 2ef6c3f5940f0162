using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Overholt.Application.Security;
using Overholt.Application.Telemetry;

namespace Overholt.Application.Behaviours;

/// <summary>Outermost behaviour: traces every request (a span named after it), logs it with its user and duration (Debug), and warns when one is slow.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ICurrentUser currentUser, ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>Requests slower than this are logged as warnings.</summary>
    public static readonly TimeSpan SlowRequestThreshold = TimeSpan.FromMilliseconds(500);

    private static readonly string RequestName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = OverholtTelemetry.Source.StartActivity(RequestName);
        activity?.SetTag(OverholtTelemetry.ActorTag, currentUser.Name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowRequestThreshold)
                LogSlow(RequestName, currentUser.Name, elapsed.TotalMilliseconds);
            else if (logger.IsEnabled(LogLevel.Debug))
                LogHandled(RequestName, currentUser.Name, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            LogFailed(RequestName, currentUser.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }

    // Debug: a line per request at Information would be the busiest work a fast request does; slow and failed ones stay visible.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} by {Actor} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, string actor, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow request: {Request} by {Actor} took {ElapsedMs:0.0} ms")]
    private partial void LogSlow(string request, string actor, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} by {Actor} failed after {ElapsedMs:0.0} ms with {Error}")]
    private partial void LogFailed(string request, string actor, double elapsedMs, string error);
}
