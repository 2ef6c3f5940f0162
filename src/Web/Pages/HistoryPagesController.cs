using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Errors;
using Overholt.Application.History;
using Overholt.Application.History.Queries.ListHistory;
using Overholt.Application.History.Queries.ListResourceHistory;
using Overholt.Application.History.Queries.ListStoreHistory;
using Overholt.Application.Paging;
using Overholt.Application.Users.Queries.FindUserByEmail;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

/// <summary>The history tab of each store, product, category and user, and the admins' "Recent changes" with filters.</summary>
[Route("")]
public sealed class HistoryPagesController(IMediator mediator) : PageController
{
    [HttpGet("history")]
    [AuthorizeToSend<ListHistory>]
    public async Task<IActionResult> Index([FromQuery] HistoryFilterForm form, CancellationToken cancellationToken)
    {
        var empty = new Page<HistoryEntryDto>([], 1, PageSize, 0);
        if (!ModelState.IsValid)
            return View(new HistoryPage("Recent changes", empty, null, form, "Some filters are not valid: check the id and the dates."));

        int? actorId = null;
        if (!string.IsNullOrWhiteSpace(form.Who))
        {
            try
            {
                actorId = (await mediator.Send(new FindUserByEmail(form.Who.Trim()), cancellationToken)).Id;
            }
            catch (Exception exception) when (exception is NotFoundException or RequestValidationException)
            {
                return View(new HistoryPage("Recent changes", empty, null, form, $"No user has the email {form.Who.Trim()}."));
            }
        }

        try
        {
            var entries = await mediator.Send(new ListHistory(form.ToFilter(actorId), form.Page, PageSize), cancellationToken);
            return View(new HistoryPage("Recent changes", entries, null, form, null));
        }
        catch (RequestValidationException invalid)
        {
            return View(new HistoryPage("Recent changes", empty, null, form, Describe(invalid)));
        }
    }

    [HttpGet("stores/{id:int:min(1)}/history")]
    public async Task<IActionResult> Store(int id, [FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        Resource(HistoryActions.Store, id, await mediator.Send(new ListStoreHistory(id, Math.Max(page, 1), PageSize), cancellationToken));

    [HttpGet("products/{id:int:min(1)}/history")]
    [AuthorizeToSend<ListResourceHistory>]
    public Task<IActionResult> Product(int id, [FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        ResourceAsync(HistoryActions.Product, id, page, cancellationToken);

    [HttpGet("categories/{id:int:min(1)}/history")]
    [AuthorizeToSend<ListResourceHistory>]
    public Task<IActionResult> Category(int id, [FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        ResourceAsync(HistoryActions.Category, id, page, cancellationToken);

    [HttpGet("users/{id:int:min(1)}/history")]
    [AuthorizeToSend<ListResourceHistory>]
    public Task<IActionResult> UserHistory(int id, [FromQuery] int page = 1, CancellationToken cancellationToken = default) =>
        ResourceAsync(HistoryActions.User, id, page, cancellationToken);

    private async Task<IActionResult> ResourceAsync(string type, int id, int page, CancellationToken cancellationToken) =>
        Resource(type, id, await mediator.Send(new ListResourceHistory(type, id, Math.Max(page, 1), PageSize), cancellationToken));

    private ViewResult Resource(string type, int id, Page<HistoryEntryDto> entries) =>
        View("Index", new HistoryPage($"History of {type} {id}", entries, new HistoryResource(type, id), null, null));
}
