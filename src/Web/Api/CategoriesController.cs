using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Categories;
using Overholt.Application.Categories.Commands.CreateCategory;
using Overholt.Application.Categories.Commands.DeleteCategory;
using Overholt.Application.Categories.Commands.UpdateCategory;
using Overholt.Application.Categories.Queries.GetCategory;
using Overholt.Application.Categories.Queries.ListCategories;
using Overholt.Domain.Users;

namespace Overholt.Web.Api;

[ApiController]
[Authorize]
[Route("api/categories")]
public sealed class CategoriesController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<ListEnvelope<CategoryDto>> List([FromQuery] ListQuery query, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new ListCategories(query.Page, query.PageSize, query.Search), cancellationToken));

    [HttpPost]
    [Authorize(Roles = Roles.Admin)]
    public async Task<ActionResult<Envelope<CategoryDto>>> Create(CategoryRequest request, CancellationToken cancellationToken)
    {
        var id = await mediator.Send(new CreateCategory(request.Name, request.Description), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id }, this.Representation(await mediator.Send(new GetCategory(id), cancellationToken)).Value);
    }

    [HttpGet("{id:int:min(1)}")]
    public async Task<ActionResult<Envelope<CategoryDto>>> Get(int id, CancellationToken cancellationToken) =>
        this.Representation(await mediator.Send(new GetCategory(id), cancellationToken));

    [HttpPut("{id:int:min(1)}")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<ActionResult<Envelope<CategoryDto>>> Update(int id, CategoryRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new UpdateCategory(id, request.Name, request.Description, Request.IfMatch()), cancellationToken);
        return this.Representation(await mediator.Send(new GetCategory(id), cancellationToken));
    }

    [HttpDelete("{id:int:min(1)}")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<NoContentResult> Delete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteCategory(id, Request.IfMatch()), cancellationToken);
        return NoContent();
    }
}
