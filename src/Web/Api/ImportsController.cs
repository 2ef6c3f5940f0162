using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Imports;
using Overholt.Application.Imports.Commands.StartImport;
using Overholt.Application.Imports.Queries.ExportRefusedRows;
using Overholt.Application.Imports.Queries.GetImport;
using Overholt.Web.Exports;
using Overholt.Web.Imports;
using Overholt.Web.Security;

namespace Overholt.Web.Api;

[ApiController]
[Authorize]
[Route("api/imports")]
public sealed class ImportsController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Upload a CSV file of products or stores to import (admin). Answers at once with 202 and the import's status
    /// (<c>Location</c>: where to follow it); a worker reads, checks and writes it. At most 50 MB (413 beyond) and
    /// 200,000 rows. Columns, matching by name and the options: <c>docs/api.md</c>.
    /// </summary>
    [HttpPost]
    [EndpointName("startImport")]
    [ImportUpload]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<Envelope<ImportDto>>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [AuthorizeToSend<StartImport>]
    public async Task<ActionResult<Envelope<ImportDto>>> Start([FromForm] ImportRequest request, CancellationToken cancellationToken)
    {
        var content = await ImportUploadLimits.ReadAsync(request.File, cancellationToken);
        var id = await mediator.Send(new StartImport(request.Kind, request.File?.FileName, content, request.UnknownCategories, request.Mode), cancellationToken);
        return AcceptedAtAction(nameof(Get), new { id }, Envelope.Of(await mediator.Send(new GetImport(id), cancellationToken)));
    }

    /// <summary>An import's status (queued, checking, writing, succeeded, refused, failed), its counts and its first 100 refused rows (admin).</summary>
    [HttpGet("{id:guid}")]
    [EndpointName("getImport")]
    [AuthorizeToSend<GetImport>]
    public async Task<Envelope<ImportDto>> Get(Guid id, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new GetImport(id), cancellationToken));

    /// <summary>Every row an import refused, as a CSV download: <c>line,field,message</c> (admin).</summary>
    [HttpGet("{id:guid}/refused")]
    [EndpointName("getImportRefusedRows")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [AuthorizeToSend<ExportRefusedRows>]
    public async Task<CsvDownload> Refused(Guid id, CancellationToken cancellationToken) =>
        new(await mediator.Send(new ExportRefusedRows(id), cancellationToken));
}

/// <summary>An import upload: the file and what it holds.</summary>
public sealed class ImportRequest
{
    /// <summary><c>products</c> (columns <c>name</c>, <c>categories</c>) or <c>stores</c> (<c>name</c>, <c>address</c>, <c>city</c>, <c>state</c>, <c>zip_code</c>, <c>products</c>, <c>managers</c>).</summary>
    [FromForm(Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>The CSV file, UTF-8, with a header row.</summary>
    [FromForm(Name = "file")]
    public IFormFile? File { get; set; }

    /// <summary>Products only: <c>refuse</c> (the default) a row naming a category that does not exist, or <c>create</c> the category.</summary>
    [FromForm(Name = "unknown_categories")]
    public string? UnknownCategories { get; set; }

    /// <summary><c>all_or_nothing</c> (the default): one refused row and nothing is written; <c>valid_rows</c>: the rows that pass are written.</summary>
    [FromForm(Name = "mode")]
    public string? Mode { get; set; }
}
