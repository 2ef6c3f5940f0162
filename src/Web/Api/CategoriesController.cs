using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Categories;
using Overholt.Application.Categories.Commands.CreateCategory;
using Overholt.Application.Categories.Commands.DeleteCategory;
using Overholt.Application.Categories.Commands.UpdateCategory;
using Overholt.Application.Categories.Queries.GetCategory;
using Overholt.Application.Categories.Queries.ListCategories;
using Overholt.Web.Idempotency;
using Overholt.Web.Security;

namespace Overholt.Web.Api;

[ApiController]
[Authorize]
[Route("api/categories")]
public sealed class CategoriesController(IMediator mediator) : ControllerBase
{
    /// <summary>Categories, a page at a time; <c>search</c> matches names, <c>sort</c> orders them.</summary>
    /// <param name="query">The page, and the search.</param>
    /// <param name="sort">Fields to order by, comma-separated, each preceded by <c>-</c> for descending: <c>name</c>, <c>id</c>. By name when absent; ties always end by id.</param>
    /// <param name="cancellationToken">Ends the read when the request is abandoned.</param>
    [HttpGet]
    [EndpointName("listCategories")]
    public async Task<ListEnvelope<CategoryDto>> List([FromQuery] ListQuery query, [FromQuery(Name = "sort")] string? sort, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListCategories(query.Page, query.PageSize, query.Search, sort), cancellationToken));

    /// <summary>Create a category (admin).</summary>
    [HttpPost]
    [EndpointName("createCategory")]
    [Idempotent]
    [ProducesResponseType<Envelope<CategoryDto>>(StatusCodes.Status201Created)]
    [AuthorizeToSend<CreateCategory>]
    public async Task<ActionResult<Envelope<CategoryDto>>> Create(CategoryRequest request, CancellationToken cancellationToken)
    {
        var id = await mediator.Send(new CreateCategory(request.Name, request.Description), cancellationToken);
        return this.CreatedRepresentation(nameof(Get), new { id }, await mediator.Send(new GetCategory(id), cancellationToken));
    }

    /// <summary>A category, with its <c>ETag</c>.</summary>
    [HttpGet("{id:int:min(1)}")]
    [EndpointName("getCategory")]
    public async Task<ActionResult<Envelope<CategoryDto>>> Get(int id, CancellationToken cancellationToken) =>
        this.Representation(await mediator.Send(new GetCategory(id), cancellationToken));

    /// <summary>Change a category (admin); send <c>If-Match</c> to refuse a lost update.</summary>
    [HttpPut("{id:int:min(1)}")]
    [EndpointName("updateCategory")]
    [AuthorizeToSend<UpdateCategory>]
    public async Task<ActionResult<Envelope<CategoryDto>>> Update(int id, CategoryRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new UpdateCategory(id, request.Name, request.Description, Request.IfMatch()), cancellationToken);
        return this.Representation(await mediator.Send(new GetCategory(id), cancellationToken));
    }

    /// <summary>Delete a category (admin).</summary>
    [HttpDelete("{id:int:min(1)}")]
    [EndpointName("deleteCategory")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [AuthorizeToSend<DeleteCategory>]
    public async Task<NoContentResult> Delete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteCategory(id, Request.IfMatch()), cancellationToken);
        return NoContent();
    }
}
