using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Categories;
using Overholt.Application.Categories.Queries.ListCategories;
using Overholt.Application.Products;
using Overholt.Application.Products.Commands.CreateProduct;
using Overholt.Application.Products.Commands.DeleteProduct;
using Overholt.Application.Products.Commands.UpdateProduct;
using Overholt.Application.Products.Queries.ExportProducts;
using Overholt.Application.Products.Queries.GetProduct;
using Overholt.Application.Products.Queries.ListProducts;
using Overholt.Web.Exports;
using Overholt.Web.Idempotency;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

[Route("products")]
public sealed class ProductPagesController(IMediator mediator) : PageController
{
    private static readonly FormSubject Subject = new("product");

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, [FromQuery] int? category, CancellationToken cancellationToken)
    {
        var products = await mediator.Send(new ListProducts(request.Page, PageSize, request.Search, request.Sort, category), cancellationToken);
        var categories = await mediator.Send(new ListCategories(PageSize: Application.Paging.IPagedRequest.MaxPageSize), cancellationToken);
        return View(new ProductListPage(new ListPage<ProductDto>(products, request.Search, IsAdmin), categories.Items, category));
    }

    /// <summary>The list as CSV, with the list page's search, category and sort (its "Export CSV" button).</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListRequest request, [FromQuery] int? category, CancellationToken cancellationToken) =>
        new CsvDownload(await mediator.Send(new ExportProducts(request.Search, request.Sort, category), cancellationToken));

    [HttpGet("{id:int:min(1)}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        View(new ProductDetailsPage((await mediator.Send(new GetProduct(id), cancellationToken)).Value, IsAdmin));

    [HttpGet("new")]
    [AuthorizeToSend<CreateProduct>]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Form", await FormPageAsync(null, new ProductForm(), cancellationToken));

    [HttpPost("new")]
    [OneTimeForm]
    [AuthorizeToSend<CreateProduct>]
    public Task<IActionResult> Create(ProductForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new CreateProduct(form.Name, form.Categories), cancellationToken),
            id => Saved($"Product {form.Name} created.", id),
            async () => View("Form", await FormPageAsync(null, form, cancellationToken)));

    [HttpGet("{id:int:min(1)}/edit")]
    [AuthorizeToSend<UpdateProduct>]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (product, version) = await mediator.Send(new GetProduct(id), cancellationToken);
        var form = new ProductForm { Version = version, Name = product.Name, Categories = product.Categories.Select(category => category.Id).ToList() };
        return View("Form", await FormPageAsync(id, form, cancellationToken, product.Categories));
    }

    [HttpPost("{id:int:min(1)}/edit")]
    [AuthorizeToSend<UpdateProduct>]
    public Task<IActionResult> Edit(int id, ProductForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new UpdateProduct(id, form.Name ?? string.Empty, form.Categories, VersionOf(form.Version)), cancellationToken),
            _ => Saved("Product saved.", id),
            async () => View("Form", await FormPageAsync(id, form, cancellationToken)));

    [HttpGet("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteProduct>]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        View((await mediator.Send(new GetProduct(id), cancellationToken)).Value);

    [HttpPost("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteProduct>]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteProduct(id), cancellationToken);
        Succeeded("Product deleted.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// The form with the first page of categories to choose from, plus those the product already has: a category
    /// left off the form would otherwise be dropped from the product when it is saved.
    /// </summary>
    private async Task<ProductFormPage> FormPageAsync(int? id, ProductForm form, CancellationToken cancellationToken, IReadOnlyList<CategoryDto>? current = null)
    {
        var choices = (await mediator.Send(new ListCategories(1, Application.Paging.IPagedRequest.MaxPageSize), cancellationToken)).Items;
        var missing = (current ?? []).Where(category => choices.All(choice => choice.Id != category.Id));
        return new(id, form, [.. choices, .. missing]);
    }
}
