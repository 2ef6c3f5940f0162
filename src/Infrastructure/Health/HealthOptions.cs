using System.ComponentModel.DataAnnotations;

namespace Overholt.Infrastructure.Health;

/// <summary>The <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long a message may wait in the outbox before readiness reports Degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan OutboxMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
