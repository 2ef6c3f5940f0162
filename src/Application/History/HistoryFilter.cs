namespace Overholt.Application.History;

/// <summary>Which history entries a list shows (every filter optional), newest first.</summary>
/// <param name="Actor">Only changes made by this user.</param>
/// <param name="Action">Only this action (<see cref="HistoryActions.All"/>).</param>
/// <param name="ResourceType">Only changes to this kind of resource (<see cref="HistoryActions.ResourceTypes"/>).</param>
/// <param name="ResourceId">Only changes to the resource with this id.</param>
/// <param name="From">Only changes made at or after this time.</param>
/// <param name="To">Only changes made before this time.</param>
public sealed record HistoryFilter(
    int? Actor = null, string? Action = null, string? ResourceType = null, int? ResourceId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
