using Microsoft.AspNetCore.Mvc;
using Overholt.Application.History;
using Overholt.Application.Paging;

namespace Overholt.Web.Pages.Models;

/// <summary>A page of history entries: a resource's (<see cref="Resource"/>) or the whole history with its filters.</summary>
public sealed record HistoryPage(string Title, Page<HistoryEntryDto> Entries, HistoryResource? Resource, HistoryFilterForm? Filters, string? Problem)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Entries.Total / (double)Entries.PageSize));
}

/// <summary>The resource a history page is about, and where its own page is.</summary>
public sealed record HistoryResource(string Type, int Id)
{
    public string Path => HistoryLinks.PathOf(Type, Id);
}

/// <summary>The "Recent changes" filters as the form sends them: who (an email), what kind, which resource, which days.</summary>
public sealed record HistoryFilterForm
{
    [FromQuery(Name = "page")]
    public int Page { get; init; } = 1;

    [FromQuery(Name = "who")]
    public string? Who { get; init; }

    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    [FromQuery(Name = "resource_type")]
    public string? ResourceType { get; init; }

    [FromQuery(Name = "resource_id")]
    public int? ResourceId { get; init; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    /// <summary>The days as times: from the start of <see cref="From"/> to the end of <see cref="To"/>, UTC.</summary>
    public HistoryFilter ToFilter(int? actorId) => new(
        actorId,
        string.IsNullOrEmpty(Action) ? null : Action,
        string.IsNullOrEmpty(ResourceType) ? null : ResourceType,
        ResourceId,
        From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
}

/// <summary>How the history pages name and link what an entry is about.</summary>
public static class HistoryLinks
{
    public static string PathOf(string type, int id) => type switch
    {
        HistoryActions.Store => $"/stores/{id}",
        HistoryActions.Product => $"/products/{id}",
        HistoryActions.Category => $"/categories/{id}",
        _ => $"/users/{id}",
    };

    /// <summary>A value as the history shows it: text as it is, nothing as a dash, anything else as JSON.</summary>
    public static string Show(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined => "—",
        System.Text.Json.JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>Who made the change: the user's email, or the operator, the system, someone not signed in.</summary>
    public static string Who(HistoryActorDto actor) => actor.Email ?? actor.Kind;
}
