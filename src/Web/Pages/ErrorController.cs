using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Overholt.Web.Pages;

/// <summary>Friendly error pages for browser routes; re-executed by the exception handler and the status code pages.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("")]
    [Route("{status:int}")]
    public IActionResult Show(int? status)
    {
        var code = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = code;
        return View("Error", code);
    }
}
