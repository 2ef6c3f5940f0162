using System.ComponentModel;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.History;
using Overholt.Application.History.Queries.ListHistory;
using Overholt.Application.History.Queries.ListResourceHistory;
using Overholt.Application.History.Queries.ListStoreHistory;
using Overholt.Web.Security;

namespace Overholt.Web.Api;

/// <summary>
/// The change history, newest first: each store's (admins and its managers), each product's, category's and user's
/// (admins), and the whole history with filters (admins). A deleted resource's history is still there; an id never seen
/// has an empty one.
/// </summary>
[ApiController]
[Authorize]
public sealed class HistoryController(IMediator mediator) : ControllerBase
{
    /// <summary>Every recorded change, newest first, narrowed by the filters (admin).</summary>
    /// <param name="query">The page.</param>
    /// <param name="filter">Who, what and when.</param>
    /// <param name="cancellationToken">Ends the read when the request is abandoned.</param>
    [HttpGet("api/history")]
    [EndpointName("listHistory")]
    [AuthorizeToSend<ListHistory>]
    public async Task<ListEnvelope<HistoryEntryDto>> List([FromQuery] PageQuery query, [FromQuery] HistoryFilterQuery filter, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListHistory(filter.ToFilter(), query.Page, query.PageSize), cancellationToken));

    /// <summary>A store's changes, newest first (admin, or a manager of the store): its details, products and managers.</summary>
    [HttpGet("api/stores/{id:int:min(1)}/history")]
    [EndpointName("listStoreHistory")]
    public async Task<ListEnvelope<HistoryEntryDto>> Store(int id, [FromQuery] PageQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStoreHistory(id, query.Page, query.PageSize), cancellationToken));

    /// <summary>A product's changes, newest first (admin).</summary>
    [HttpGet("api/products/{id:int:min(1)}/history")]
    [EndpointName("listProductHistory")]
    [AuthorizeToSend<ListResourceHistory>]
    public Task<ListEnvelope<HistoryEntryDto>> Product(int id, [FromQuery] PageQuery query, CancellationToken cancellationToken) =>
        ResourceAsync(HistoryActions.Product, id, query, cancellationToken);

    /// <summary>A category's changes, newest first (admin).</summary>
    [HttpGet("api/categories/{id:int:min(1)}/history")]
    [EndpointName("listCategoryHistory")]
    [AuthorizeToSend<ListResourceHistory>]
    public Task<ListEnvelope<HistoryEntryDto>> Category(int id, [FromQuery] PageQuery query, CancellationToken cancellationToken) =>
        ResourceAsync(HistoryActions.Category, id, query, cancellationToken);

    /// <summary>A user's changes, newest first (admin): the account's creation, roles, activity, password resets and deletion.</summary>
    [HttpGet("api/users/{id:int:min(1)}/history")]
    [EndpointName("listUserHistory")]
    [AuthorizeToSend<ListResourceHistory>]
    public Task<ListEnvelope<HistoryEntryDto>> UserHistory(int id, [FromQuery] PageQuery query, CancellationToken cancellationToken) =>
        ResourceAsync(HistoryActions.User, id, query, cancellationToken);

    private async Task<ListEnvelope<HistoryEntryDto>> ResourceAsync(string type, int id, PageQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListResourceHistory(type, id, query.Page, query.PageSize), cancellationToken));
}

/// <summary>The filters of <c>GET /api/history</c>, each optional.</summary>
public sealed record HistoryFilterQuery
{
    [Description("Only changes made by the user with this id.")]
    [FromQuery(Name = "actor")]
    public int? Actor { get; init; }

    [Description("Only this action: store.created, store.updated, store.deleted, store.product_added, store.product_removed, store.manager_added, store.manager_removed, product.created, product.updated, product.deleted, category.created, category.updated, category.deleted, user.created, user.updated, user.roles_changed, user.activated, user.deactivated, user.password_reset, user.password_changed, user.deleted.")]
    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    [Description("Only changes to this kind of resource: store, product, category or user.")]
    [FromQuery(Name = "resource_type")]
    public string? ResourceType { get; init; }

    [Description("Only changes to the resource with this id.")]
    [FromQuery(Name = "resource_id")]
    public int? ResourceId { get; init; }

    [Description("Only changes made at or after this time (ISO 8601, e.g. 2026-01-31T00:00:00Z).")]
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    [Description("Only changes made before this time (ISO 8601).")]
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    public HistoryFilter ToFilter() => new(Actor, Action, ResourceType, ResourceId, From, To);
}
