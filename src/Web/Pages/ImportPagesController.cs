using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Errors;
using Overholt.Application.Imports.Commands.StartImport;
using Overholt.Application.Imports.Queries.ExportRefusedRows;
using Overholt.Application.Imports.Queries.GetImport;
using Overholt.Web.Exports;
using Overholt.Web.Imports;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

/// <summary>
/// The Import page: upload a CSV file, then its status page, whose bars a script moves by polling
/// <c>/imports/{id}/progress</c> (without JavaScript the page refreshes itself while the import runs).
/// </summary>
[Route("imports")]
public sealed class ImportPagesController(IMediator mediator) : PageController
{
    [HttpGet("")]
    [AuthorizeToSend<StartImport>]
    public IActionResult Index() => View(new ImportForm());

    [HttpPost("")]
    [ImportUpload]
    [AuthorizeToSend<StartImport>]
    public async Task<IActionResult> Index(ImportForm form, CancellationToken cancellationToken)
    {
        try
        {
            var content = await ImportUploadLimits.ReadAsync(form.File, cancellationToken);
            var id = await mediator.Send(new StartImport(form.Kind, form.File?.FileName, content, form.UnknownCategories, form.Mode), cancellationToken);
            return RedirectToAction(nameof(Status), new { id });
        }
        catch (RequestValidationException invalid)
        {
            ModelState.AddRequestErrors(invalid);
        }
        catch (ContentTooLargeException tooLarge)
        {
            ModelState.AddModelError(nameof(ImportForm.File), tooLarge.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    [HttpGet("{id:guid}")]
    [AuthorizeToSend<GetImport>]
    public async Task<IActionResult> Status(Guid id, CancellationToken cancellationToken) =>
        View(await mediator.Send(new GetImport(id), cancellationToken));

    /// <summary>The status as JSON, for the status page's script.</summary>
    [HttpGet("{id:guid}/progress")]
    [AuthorizeToSend<GetImport>]
    public async Task<IActionResult> Progress(Guid id, CancellationToken cancellationToken)
    {
        var import = await mediator.Send(new GetImport(id), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Json(new { import.Status, import.Total, import.Checked, import.Written, import.Refused, import.IsFinished });
    }

    [HttpGet("{id:guid}/refused")]
    [AuthorizeToSend<ExportRefusedRows>]
    public async Task<CsvDownload> Refused(Guid id, CancellationToken cancellationToken) =>
        new(await mediator.Send(new ExportRefusedRows(id), cancellationToken));
}
