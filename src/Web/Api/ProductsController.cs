using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Products;
using Overholt.Application.Products.Commands.CreateProduct;
using Overholt.Application.Products.Commands.DeleteProduct;
using Overholt.Application.Products.Commands.UpdateProduct;
using Overholt.Application.Products.Queries.ExportProducts;
using Overholt.Application.Products.Queries.GetProduct;
using Overholt.Application.Products.Queries.ListProducts;
using Overholt.Web.Exports;
using Overholt.Web.Idempotency;
using Overholt.Web.Security;

namespace Overholt.Web.Api;

[ApiController]
[Authorize]
[Route("api/products")]
public sealed class ProductsController(IMediator mediator) : ControllerBase
{
    /// <summary>Products, a page at a time; <c>search</c> matches names, <c>category</c> narrows them, <c>sort</c> orders them.</summary>
    /// <param name="query">The page, and the search.</param>
    /// <param name="sort">Fields to order by, comma-separated, each preceded by <c>-</c> for descending: <c>name</c>, <c>id</c>. By name when absent; ties always end by id.</param>
    /// <param name="category">Only products in the category with this id (none if no category has it).</param>
    /// <param name="cancellationToken">Ends the read when the request is abandoned.</param>
    [HttpGet]
    [EndpointName("listProducts")]
    public async Task<ListEnvelope<ProductDto>> List(
        [FromQuery] ListQuery query, [FromQuery(Name = "sort")] string? sort, [FromQuery(Name = "category")] int? category, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListProducts(query.Page, query.PageSize, query.Search, sort, category), cancellationToken));

    /// <summary>
    /// Every product the list gives for the same search, category and sort, as a CSV download streamed as it is read:
    /// <c>id,name,categories</c>, a product's category names separated by <c>|</c> (the columns CSV import reads).
    /// A cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is prefixed with <c>'</c>.
    /// </summary>
    /// <param name="search">Only products whose name contains this text (matched literally, ignoring case).</param>
    /// <param name="sort">As the list's <c>sort</c>.</param>
    /// <param name="category">Only products in the category with this id (none if no category has it).</param>
    /// <param name="cancellationToken">Ends the read when the request is abandoned.</param>
    [HttpGet("export")]
    [EndpointName("exportProducts")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public async Task<CsvDownload> Export(
        [FromQuery(Name = "search")] string? search, [FromQuery(Name = "sort")] string? sort, [FromQuery(Name = "category")] int? category, CancellationToken cancellationToken) =>
        new(await mediator.Send(new ExportProducts(search, sort, category), cancellationToken));

    /// <summary>Create a product (admin).</summary>
    [HttpPost]
    [EndpointName("createProduct")]
    [Idempotent]
    [ProducesResponseType<Envelope<ProductDto>>(StatusCodes.Status201Created)]
    [AuthorizeToSend<CreateProduct>]
    public async Task<ActionResult<Envelope<ProductDto>>> Create(ProductRequest request, CancellationToken cancellationToken)
    {
        var id = await mediator.Send(new CreateProduct(request.Name, request.Categories), cancellationToken);
        return this.CreatedRepresentation(nameof(Get), new { id }, await mediator.Send(new GetProduct(id), cancellationToken));
    }

    /// <summary>A product and its categories, with its <c>ETag</c>.</summary>
    [HttpGet("{id:int:min(1)}")]
    [EndpointName("getProduct")]
    public async Task<ActionResult<Envelope<ProductDto>>> Get(int id, CancellationToken cancellationToken) =>
        this.Representation(await mediator.Send(new GetProduct(id), cancellationToken));

    /// <summary>Change a product (admin); send <c>If-Match</c> to refuse a lost update.</summary>
    [HttpPut("{id:int:min(1)}")]
    [EndpointName("updateProduct")]
    [AuthorizeToSend<UpdateProduct>]
    public async Task<ActionResult<Envelope<ProductDto>>> Update(int id, ProductRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new UpdateProduct(id, request.Name, request.Categories, Request.IfMatch()), cancellationToken);
        return this.Representation(await mediator.Send(new GetProduct(id), cancellationToken));
    }

    /// <summary>Delete a product (admin). Every store that carried it stops carrying it.</summary>
    [HttpDelete("{id:int:min(1)}")]
    [EndpointName("deleteProduct")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [AuthorizeToSend<DeleteProduct>]
    public async Task<NoContentResult> Delete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteProduct(id, Request.IfMatch()), cancellationToken);
        return NoContent();
    }
}
