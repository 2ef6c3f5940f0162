using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Products;
using Overholt.Application.Stores;
using Overholt.Application.Stores.Commands.AddManager;
using Overholt.Application.Stores.Commands.AddProduct;
using Overholt.Application.Stores.Commands.CreateStore;
using Overholt.Application.Stores.Commands.DeleteStore;
using Overholt.Application.Stores.Commands.RemoveManager;
using Overholt.Application.Stores.Commands.RemoveProduct;
using Overholt.Application.Stores.Commands.UpdateStore;
using Overholt.Application.Stores.Queries.ExportStores;
using Overholt.Application.Stores.Queries.GetStore;
using Overholt.Application.Stores.Queries.ListStoreManagers;
using Overholt.Application.Stores.Queries.ListStoreProducts;
using Overholt.Application.Stores.Queries.ListStores;
using Overholt.Application.Users;
using Overholt.Web.Exports;
using Overholt.Web.Idempotency;
using Overholt.Web.Security;

namespace Overholt.Web.Api;

/// <summary>
/// Stores, their products and their managers. Admin-only actions say so here; "admin or a manager of this store"
/// is decided by the authorization behaviour, which knows the store.
/// </summary>
[ApiController]
[Authorize]
[Route("api/stores")]
public sealed class StoresController(IMediator mediator) : ControllerBase
{
    /// <summary>Stores, a page at a time; <c>search</c> matches names and cities, the filters narrow them, <c>sort</c> orders them.</summary>
    /// <param name="query">The page, and the search.</param>
    /// <param name="sort">Fields to order by, comma-separated, each preceded by <c>-</c> for descending: <c>name</c>, <c>city</c>, <c>state</c>, <c>zip_code</c>, <c>id</c> (<c>state,-name</c>). By name when absent; ties always end by id.</param>
    /// <param name="state">Only stores in this state (the whole value, ignoring case).</param>
    /// <param name="city">Only stores in this city (the whole value, ignoring case).</param>
    /// <param name="product">Only stores carrying the product with this id (none if no product has it).</param>
    /// <param name="manager">Only stores managed by the user with this id (none if no user has it).</param>
    /// <param name="cancellationToken">Ends the read when the request is abandoned.</param>
    [HttpGet]
    [EndpointName("listStores")]
    public async Task<ListEnvelope<StoreDto>> List(
        [FromQuery] ListQuery query,
        [FromQuery(Name = "sort")] string? sort,
        [FromQuery(Name = "state")] string? state,
        [FromQuery(Name = "city")] string? city,
        [FromQuery(Name = "product")] int? product,
        [FromQuery(Name = "manager")] int? manager,
        CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStores(query.Page, query.PageSize, query.Search, sort, state, city, product, manager), cancellationToken));

    /// <summary>
    /// Every store the list gives for the same search, filters and sort, as a CSV download streamed as it is read:
    /// <c>id,name,address,city,state,zip_code,products,managers</c>, product names and manager emails separated by <c>|</c>
    /// (the columns CSV import reads). A cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return
    /// is prefixed with <c>'</c>.
    /// </summary>
    /// <param name="search">Only stores whose name or city contains this text (matched literally, ignoring case).</param>
    /// <param name="sort">As the list's <c>sort</c>.</param>
    /// <param name="state">Only stores in this state (the whole value, ignoring case).</param>
    /// <param name="city">Only stores in this city (the whole value, ignoring case).</param>
    /// <param name="product">Only stores carrying the product with this id (none if no product has it).</param>
    /// <param name="manager">Only stores managed by the user with this id (none if no user has it).</param>
    /// <param name="cancellationToken">Ends the read when the request is abandoned.</param>
    [HttpGet("export")]
    [EndpointName("exportStores")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public async Task<CsvDownload> Export(
        [FromQuery(Name = "search")] string? search,
        [FromQuery(Name = "sort")] string? sort,
        [FromQuery(Name = "state")] string? state,
        [FromQuery(Name = "city")] string? city,
        [FromQuery(Name = "product")] int? product,
        [FromQuery(Name = "manager")] int? manager,
        CancellationToken cancellationToken) =>
        new(await mediator.Send(new ExportStores(search, sort, state, city, product, manager), cancellationToken));

    /// <summary>Create a store (admin).</summary>
    [HttpPost]
    [EndpointName("createStore")]
    [Idempotent]
    [ProducesResponseType<Envelope<StoreDto>>(StatusCodes.Status201Created)]
    [AuthorizeToSend<CreateStore>]
    public async Task<ActionResult<Envelope<StoreDto>>> Create(StoreRequest request, CancellationToken cancellationToken)
    {
        var store = await mediator.Send(new CreateStore(request.Name, request.Address, request.City, request.State, request.ZipCode), cancellationToken);
        return this.CreatedRepresentation(nameof(Get), new { id = store.Value.Id }, store);
    }

    /// <summary>A store with its products and managers, and its <c>ETag</c>.</summary>
    [HttpGet("{id:int:min(1)}")]
    [EndpointName("getStore")]
    public Task<ActionResult<Envelope<StoreDto>>> Get(int id, CancellationToken cancellationToken) => StoreAsync(id, cancellationToken);

    /// <summary>Change a store's details (admin, or a manager of the store); send <c>If-Match</c> to refuse a lost update.</summary>
    [HttpPut("{id:int:min(1)}")]
    [EndpointName("updateStore")]
    public async Task<ActionResult<Envelope<StoreDto>>> Update(int id, StoreRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new UpdateStore(id, request.Name, request.Address, request.City, request.State, request.ZipCode, Request.IfMatch()), cancellationToken);
        return await StoreAsync(id, cancellationToken);
    }

    /// <summary>Delete a store (admin).</summary>
    [HttpDelete("{id:int:min(1)}")]
    [EndpointName("deleteStore")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [AuthorizeToSend<DeleteStore>]
    public async Task<NoContentResult> Delete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteStore(id, Request.IfMatch()), cancellationToken);
        return NoContent();
    }

    /// <summary>The products a store carries, a page at a time, by name; <c>search</c> matches names.</summary>
    [HttpGet("{id:int:min(1)}/products")]
    [EndpointName("listStoreProducts")]
    public async Task<ListEnvelope<ProductDto>> Products(int id, [FromQuery] ListQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStoreProducts(id, query.Page, query.PageSize, query.Search), cancellationToken));

    /// <summary>Carry a product in a store (admin, or a manager of the store); already carried is 400 "Product exists".</summary>
    [HttpPut("{id:int:min(1)}/products/{productId:int:min(1)}")]
    [EndpointName("addStoreProduct")]
    public async Task<ActionResult<Envelope<StoreDto>>> AddProduct(int id, int productId, CancellationToken cancellationToken)
    {
        await mediator.Send(new AddProduct(id, productId), cancellationToken);
        return await StoreAsync(id, cancellationToken);
    }

    /// <summary>Stop carrying a product (admin, or a manager of the store); not carried is 400 "Invalid product".</summary>
    [HttpDelete("{id:int:min(1)}/products/{productId:int:min(1)}")]
    [EndpointName("removeStoreProduct")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<NoContentResult> RemoveProduct(int id, int productId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveProduct(id, productId), cancellationToken);
        return NoContent();
    }

    /// <summary>A store's managers, a page at a time, by email; <c>search</c> matches emails.</summary>
    [HttpGet("{id:int:min(1)}/managers")]
    [EndpointName("listStoreManagers")]
    public async Task<ListEnvelope<UserSummaryDto>> Managers(int id, [FromQuery] ListQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStoreManagers(id, query.Page, query.PageSize, query.Search), cancellationToken));

    /// <summary>Make a user a manager of a store (admin); the user is emailed. Already a manager is 400 "Manager exists".</summary>
    [HttpPut("{id:int:min(1)}/managers/{userId:int:min(1)}")]
    [EndpointName("addStoreManager")]
    [AuthorizeToSend<AddManager>]
    public async Task<ActionResult<Envelope<StoreDto>>> AddManager(int id, int userId, CancellationToken cancellationToken)
    {
        await mediator.Send(new AddManager(id, userId), cancellationToken);
        return await StoreAsync(id, cancellationToken);
    }

    /// <summary>Remove a manager from a store (admin); the user is emailed. Not a manager is 400 "Invalid manager".</summary>
    [HttpDelete("{id:int:min(1)}/managers/{userId:int:min(1)}")]
    [EndpointName("removeStoreManager")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [AuthorizeToSend<RemoveManager>]
    public async Task<NoContentResult> RemoveManager(int id, int userId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveManager(id, userId), cancellationToken);
        return NoContent();
    }

    private async Task<ActionResult<Envelope<StoreDto>>> StoreAsync(int id, CancellationToken cancellationToken) =>
        this.Representation(await mediator.Send(new GetStore(id), cancellationToken));
}
