using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Errors;
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
using Overholt.Application.Stores.Queries.GetStorePermissions;
using Overholt.Application.Stores.Queries.ListManagerCandidates;
using Overholt.Application.Stores.Queries.ListProductsNotCarried;
using Overholt.Application.Stores.Queries.ListStores;
using Overholt.Application.Users;
using Overholt.Application.Users.Queries.FindUserByEmail;
using Overholt.Web.Exports;
using Overholt.Web.Idempotency;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

[Route("stores")]
public sealed class StorePagesController(IMediator mediator) : PageController
{
    private static readonly FormSubject Subject = new("store");

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, [FromQuery] string? state, [FromQuery] string? city, CancellationToken cancellationToken) =>
        View(new ListPage<StoreDto>(await mediator.Send(new ListStores(request.Page, PageSize, request.Search, request.Sort, state, city), cancellationToken), request.Search, IsAdmin));

    /// <summary>The list as CSV, with the list page's search, filters and sort (its "Export CSV" button).</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ListRequest request, [FromQuery] string? state, [FromQuery] string? city, CancellationToken cancellationToken) =>
        new CsvDownload(await mediator.Send(new ExportStores(request.Search, request.Sort, state, city), cancellationToken));

    /// <summary>
    /// The store, with pickers that search everything that could be added (products it does not carry, users who do not
    /// manage it) and show the first matches, each with its own add form; they work without script.
    /// </summary>
    [HttpGet("{id:int:min(1)}")]
    public async Task<IActionResult> Details(
        int id, [FromQuery(Name = "product_search")] string? productSearch, [FromQuery(Name = "manager_search")] string? managerSearch, CancellationToken cancellationToken)
    {
        var store = (await mediator.Send(new GetStore(id), cancellationToken)).Value;
        var access = await mediator.Send(new GetStorePermissions(id), cancellationToken);
        var products = access.CanChange
            ? new Picker<ProductDto>(productSearch, await mediator.Send(new ListProductsNotCarried(id, PageSize: Picker<ProductDto>.Size, Search: productSearch), cancellationToken))
            : null;
        var managers = access.CanAdminister
            ? new Picker<UserSummaryDto>(managerSearch, await mediator.Send(new ListManagerCandidates(id, PageSize: Picker<UserSummaryDto>.Size, Search: managerSearch), cancellationToken))
            : null;
        return View(new StoreDetailsPage(store, access.CanChange, access.CanAdminister, products, managers));
    }

    [HttpGet("new")]
    [AuthorizeToSend<CreateStore>]
    public IActionResult Create() => View("Form", new StoreFormPage(null, new StoreForm()));

    [HttpPost("new")]
    [OneTimeForm]
    [AuthorizeToSend<CreateStore>]
    public Task<IActionResult> Create(StoreForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new CreateStore(form.Name, form.Address, form.City, form.State, form.ZipCode), cancellationToken),
            created => Saved($"Store {form.Name} created.", created.Value.Id),
            () => View("Form", new StoreFormPage(null, form)));

    [HttpGet("{id:int:min(1)}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (!(await mediator.Send(new GetStorePermissions(id), cancellationToken)).CanChange)
            return Forbid();
        var (store, version) = await mediator.Send(new GetStore(id), cancellationToken);
        return View("Form", new StoreFormPage(id, new StoreForm { Version = version, Name = store.Name, Address = store.Address, City = store.City, State = store.State, ZipCode = store.ZipCode }));
    }

    [HttpPost("{id:int:min(1)}/edit")]
    public Task<IActionResult> Edit(int id, StoreForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new UpdateStore(id, form.Name ?? string.Empty, form.Address ?? string.Empty, form.City ?? string.Empty, form.State ?? string.Empty, form.ZipCode ?? string.Empty, VersionOf(form.Version)), cancellationToken),
            _ => Saved("Store saved.", id),
            () => View("Form", new StoreFormPage(id, form)));

    [HttpGet("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteStore>]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        View((await mediator.Send(new GetStore(id), cancellationToken)).Value);

    [HttpPost("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteStore>]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteStore(id), cancellationToken);
        Succeeded("Store deleted.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int:min(1)}/products")]
    public Task<IActionResult> AddProduct(int id, int productId, CancellationToken cancellationToken) =>
        ChangeAsync(id, new AddProduct(id, productId), "Product added.", cancellationToken);

    [HttpPost("{id:int:min(1)}/products/{productId:int:min(1)}/remove")]
    public Task<IActionResult> RemoveProduct(int id, int productId, CancellationToken cancellationToken) =>
        ChangeAsync(id, new RemoveProduct(id, productId), "Product removed.", cancellationToken);

    [HttpPost("{id:int:min(1)}/managers")]
    [AuthorizeToSend<AddManager>]
    public async Task<IActionResult> AddManager(int id, string? email, CancellationToken cancellationToken)
    {
        try
        {
            var user = await mediator.Send(new FindUserByEmail(email), cancellationToken);
            return await ChangeAsync(id, new AddManager(id, user.Id), $"{user.Email} now manages this store.", cancellationToken);
        }
        catch (RequestValidationException invalid)
        {
            Failed(Describe(invalid));
            return RedirectToAction(nameof(Details), new { id });
        }
    }

    [HttpPost("{id:int:min(1)}/managers/{userId:int:min(1)}/remove")]
    [AuthorizeToSend<RemoveManager>]
    public Task<IActionResult> RemoveManager(int id, int userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, new RemoveManager(id, userId), "Manager removed.", cancellationToken);

    /// <summary>Sends a change and returns to the page with its outcome; a broken rule ("Manager exists") is shown there.</summary>
    private async Task<IActionResult> ChangeAsync(int id, ICommand command, string success, CancellationToken cancellationToken)
    {
        await SendShowingOutcomeAsync(mediator, command, success, cancellationToken);
        return RedirectToAction(nameof(Details), new { id });
    }
}
