using System.ComponentModel.DataAnnotations;

namespace Overholt.Infrastructure.Caching;

/// <summary>The <c>Cache</c> configuration section: how the catalogue cache proves it hears every change, and how long an answer may be kept.</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>How often a node whose cache is being read writes its heartbeat, and checks the catalogue's triggers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after this node's last heartbeat that came back it may still answer from memory: the longest a change
    /// that is not heard (a listening connection dead without a word) is missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an answer is kept at most, whatever was heard: the backstop for a change made with the triggers off.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxEntryAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// About how much memory the kept answers may take (estimated from what they hold, <see cref="ApproximateSize"/>):
    /// three quarters for reads and pages, a quarter for searches. When the next answer would pass its part, that part
    /// starts over.
    /// </summary>
    [Range(1L << 20, 1L << 40)]
    public long MaxBytes { get; set; } = 64L << 20;
}
