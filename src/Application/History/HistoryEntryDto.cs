using System.Text.Json;

namespace Overholt.Application.History;

/// <summary>
/// One recorded change: when, by whom, the request's trace id, what (an action such as <c>store.updated</c>), to
/// which resource, and each changed field with its value before and after
/// (<c>{"name": ["Old", "New"]}</c>; null where there was none).
/// </summary>
public sealed class HistoryEntryDto
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public required HistoryActorDto Actor { get; init; }

    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public int ResourceId { get; init; }

    /// <summary>Each changed field with its values before and after: a two-item array.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Changes { get; init; }

    public string? TraceId { get; init; }
}

/// <summary>
/// Who made a change. A user: <c>id</c> and <c>email</c> as they were then, and kind <c>user</c>. Anyone else: no id
/// or email, and kind <c>operator</c> (a management command), <c>system</c> (a background job) or <c>anonymous</c>
/// (a password reset link).
/// </summary>
public sealed record HistoryActorDto(int? Id, string? Email, string Kind)
{
    public const string UserKind = "user";
}
