using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Overholt.Application.Telemetry;

/// <summary>
/// The app's own spans and instruments, under one name for OpenTelemetry to subscribe to. With nothing listening
/// (no exporter configured) a span is never created and a measurement goes nowhere.
/// </summary>
public static class OverholtTelemetry
{
    public const string Name = "Overholt";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The span attribute naming who sent a request (<c>user 17</c>, <c>operator</c>).</summary>
    public const string ActorTag = "overholt.actor";

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("overholt.emails.sent", description: "Emails handed to the mail server (or written to the pickup directory).");

    public static readonly Counter<long> EmailsFailed = Meter.CreateCounter<long>("overholt.emails.failed", description: "Attempts to send an email that failed (the job retries them).");
}
