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
using Overholt.Application.Stores.Queries.GetStore;
using Overholt.Application.Stores.Queries.ListStoreManagers;
using Overholt.Application.Stores.Queries.ListStoreProducts;
using Overholt.Application.Stores.Queries.ListStores;
using Overholt.Application.Users;
using Overholt.Domain.Users;

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
    [HttpGet]
    public async Task<ListEnvelope<StoreDto>> List([FromQuery] ListQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStores(query.Page, query.PageSize, query.Search), cancellationToken));

    [HttpPost]
    [Authorize(Roles = Roles.Admin)]
    public async Task<ActionResult<Envelope<StoreDto>>> Create(StoreRequest request, CancellationToken cancellationToken)
    {
        var store = await mediator.Send(new CreateStore(request.Name, request.Address, request.City, request.State, request.ZipCode), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = store.Value.Id }, this.Representation(store).Value);
    }

    [HttpGet("{id:int:min(1)}")]
    public Task<ActionResult<Envelope<StoreDto>>> Get(int id, CancellationToken cancellationToken) => StoreAsync(id, cancellationToken);

    [HttpPut("{id:int:min(1)}")]
    public async Task<ActionResult<Envelope<StoreDto>>> Update(int id, StoreRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new UpdateStore(id, request.Name, request.Address, request.City, request.State, request.ZipCode, Request.IfMatch()), cancellationToken);
        return await StoreAsync(id, cancellationToken);
    }

    [HttpDelete("{id:int:min(1)}")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<NoContentResult> Delete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteStore(id, Request.IfMatch()), cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:int:min(1)}/products")]
    public async Task<ListEnvelope<ProductDto>> Products(int id, [FromQuery] ListQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStoreProducts(id, query.Page, query.PageSize), cancellationToken));

    [HttpPut("{id:int:min(1)}/products/{productId:int:min(1)}")]
    public async Task<ActionResult<Envelope<StoreDto>>> AddProduct(int id, int productId, CancellationToken cancellationToken)
    {
        await mediator.Send(new AddProduct(id, productId), cancellationToken);
        return await StoreAsync(id, cancellationToken);
    }

    [HttpDelete("{id:int:min(1)}/products/{productId:int:min(1)}")]
    public async Task<NoContentResult> RemoveProduct(int id, int productId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveProduct(id, productId), cancellationToken);
        return NoContent();
    }

    [HttpGet("{id:int:min(1)}/managers")]
    public async Task<ListEnvelope<UserSummaryDto>> Managers(int id, [FromQuery] ListQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListStoreManagers(id, query.Page, query.PageSize), cancellationToken));

    [HttpPut("{id:int:min(1)}/managers/{userId:int:min(1)}")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<ActionResult<Envelope<StoreDto>>> AddManager(int id, int userId, CancellationToken cancellationToken)
    {
        await mediator.Send(new AddManager(id, userId), cancellationToken);
        return await StoreAsync(id, cancellationToken);
    }

    [HttpDelete("{id:int:min(1)}/managers/{userId:int:min(1)}")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<NoContentResult> RemoveManager(int id, int userId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveManager(id, userId), cancellationToken);
        return NoContent();
    }

    private async Task<ActionResult<Envelope<StoreDto>>> StoreAsync(int id, CancellationToken cancellationToken) =>
        this.Representation(await mediator.Send(new GetStore(id), cancellationToken));
}
