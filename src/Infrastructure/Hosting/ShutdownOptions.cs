using System.ComponentModel.DataAnnotations;

namespace Overholt.Infrastructure.Hosting;

/// <summary>The <c>Shutdown</c> configuration section: how a node stops when told to (SIGTERM, Ctrl+C).</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long <c>/health</c> answers 503 while the node still serves, so a balancer stops sending to it first.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan NoticePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long requests in flight and running jobs then have to finish before they are cut off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTime { get; set; } = TimeSpan.FromSeconds(30);
}
