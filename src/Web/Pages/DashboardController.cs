using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Dashboard.Queries.GetDashboard;

namespace Overholt.Web.Pages;

[Route("")]
public sealed class DashboardController(IMediator mediator) : PageController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await mediator.Send(new GetDashboard(), cancellationToken));
}
