using System.Diagnostics;
using Overholt.Application.History;

namespace Overholt.Infrastructure.History;

/// <summary>
/// One row of <c>change_history</c>: a change to a store, product, category or user, who made it, when, in which
/// request (trace id), and its fields before and after as JSON text. It names its resource by type and id with no
/// foreign key, so a deleted resource's history stays.
/// </summary>
public sealed class HistoryEntry
{
    public const int ActorMaxLength = 255;
    public const int ActionMaxLength = 40;
    public const int ResourceTypeMaxLength = 20;
    public const int TraceIdMaxLength = 32;

    public long Id { get; private set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime At { get; init; }

    /// <summary>The user who made the change; null for the operator, the system or an anonymous request.</summary>
    public int? ActorId { get; init; }

    /// <summary>The user's email at that moment, or <c>operator</c>, <c>system</c>, <c>anonymous</c>.</summary>
    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public int ResourceId { get; init; }

    /// <summary><c>{"field": [before, after], ...}</c>.</summary>
    public required string Changes { get; set; }

    public string? TraceId { get; init; }

    /// <summary>The entry for a change <paramref name="actor"/> made at <paramref name="at"/>, in the request or job traced as <paramref name="traceId"/>.</summary>
    public static HistoryEntry For(ChangeActor actor, DateTime at, string resourceType, int resourceId, string action, ChangeSet changes, string? traceId) => new()
    {
        At = at,
        ActorId = actor.UserId,
        Actor = actor.Name.Length <= ActorMaxLength ? actor.Name : actor.Name[..ActorMaxLength],
        Action = action,
        ResourceType = resourceType,
        ResourceId = resourceId,
        Changes = changes.ToJson(),
        TraceId = traceId,
    };

    /// <summary>The trace id of the request or job in progress, which entries record; null outside one.</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { TraceId: var trace } && trace != default ? trace.ToHexString() : null;
}
