using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Overholt.Application.Exports;

namespace Overholt.Web.Exports;

/// <summary>
/// A <see cref="CsvExport"/> as a download, written while it is read: each batch is flushed to the client before the
/// next is read, so memory stays one batch whatever the length. The one place every exported cell goes through.
/// </summary>
public sealed class CsvDownload(CsvExport export) : IActionResult
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// RFC 4180 (quoted where needed, CRLF), and OWASP's defence against CSV injection: a cell a spreadsheet would run as a
    /// formula (beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is quoted and prefixed with
    /// <c>'</c>, which spreadsheets show as text.
    /// </summary>
    public static readonly CsvWriterOptions Format = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\r\n",
        WriteByteOrderMark = false,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
    };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = export.FileName }.ToString();
        response.Headers.CacheControl = "no-store";

        // UTF-8 straight to the response, asynchronously only: the server refuses synchronous writes to a response.
        await using var csv = CsvWriter.Create(response.Body, Format, leaveOpen: true);
        await WriteRowAsync(csv, export.Header, cancellationToken);
        await foreach (var batch in export.Batches.WithCancellation(cancellationToken))
        {
            foreach (var row in batch)
                await WriteRowAsync(csv, row, cancellationToken);
            await csv.FlushAsync(cancellationToken);
        }
    }

    private static async Task WriteRowAsync(CsvWriter csv, IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        foreach (var cell in cells)
            csv.WriteField(cell);
        await csv.EndRecordAsync(cancellationToken);
    }
}
