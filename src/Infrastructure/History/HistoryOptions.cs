using System.ComponentModel.DataAnnotations;

namespace Overholt.Infrastructure.History;

/// <summary>How long the change history is kept (<c>History:RetentionDays</c>); older entries are purged hourly by the worker.</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    [Range(1, 36500)]
    public int RetentionDays { get; set; } = 365;
}
