using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Categories;
using Overholt.Application.Categories.Commands.CreateCategory;
using Overholt.Application.Categories.Commands.DeleteCategory;
using Overholt.Application.Categories.Commands.UpdateCategory;
using Overholt.Application.Categories.Queries.GetCategory;
using Overholt.Application.Categories.Queries.ListCategories;
using Overholt.Web.Idempotency;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

[Route("categories")]
public sealed class CategoryPagesController(IMediator mediator) : PageController
{
    private static readonly FormSubject Subject = new("category", UniqueField: nameof(CategoryForm.Name));

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, CancellationToken cancellationToken) =>
        View(new ListPage<CategoryDto>(await mediator.Send(new ListCategories(request.Page, PageSize, request.Search, request.Sort), cancellationToken), request.Search, IsAdmin));

    [HttpGet("{id:int:min(1)}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        View(new CategoryDetailsPage((await mediator.Send(new GetCategory(id), cancellationToken)).Value, IsAdmin));

    [HttpGet("new")]
    [AuthorizeToSend<CreateCategory>]
    public IActionResult Create() => View("Form", new CategoryFormPage(null, new CategoryForm()));

    [HttpPost("new")]
    [OneTimeForm]
    [AuthorizeToSend<CreateCategory>]
    public Task<IActionResult> Create(CategoryForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new CreateCategory(form.Name, form.Description), cancellationToken),
            id => Saved($"Category {form.Name} created.", id),
            () => View("Form", new CategoryFormPage(null, form)));

    [HttpGet("{id:int:min(1)}/edit")]
    [AuthorizeToSend<UpdateCategory>]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (category, version) = await mediator.Send(new GetCategory(id), cancellationToken);
        return View("Form", new CategoryFormPage(id, new CategoryForm { Version = version, Name = category.Name, Description = category.Description }));
    }

    [HttpPost("{id:int:min(1)}/edit")]
    [AuthorizeToSend<UpdateCategory>]
    public Task<IActionResult> Edit(int id, CategoryForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new UpdateCategory(id, form.Name ?? string.Empty, form.Description ?? string.Empty, VersionOf(form.Version)), cancellationToken),
            _ => Saved("Category saved.", id),
            () => View("Form", new CategoryFormPage(id, form)));

    [HttpGet("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteCategory>]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        View((await mediator.Send(new GetCategory(id), cancellationToken)).Value);

    [HttpPost("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteCategory>]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteCategory(id), cancellationToken);
        Succeeded("Category deleted.");
        return RedirectToAction(nameof(Index));
    }
}
