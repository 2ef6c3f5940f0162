using Microsoft.AspNetCore.Http.Features;
using Overholt.Application.Errors;
using Overholt.Domain.Imports;

namespace Overholt.Web.Imports;

/// <summary>
/// Marks the endpoints that take an import file: only they accept a body larger than the app's usual limit, up to
/// <see cref="ImportLimits.MaxFileBytes"/> plus the form's own bytes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportUploadAttribute : Attribute;

/// <summary>
/// Reads the form of an <see cref="ImportUploadAttribute"/> endpoint before anything else does (antiforgery, model
/// binding), under the import's limits: a body declared larger is refused before a byte of it is read, one that turns
/// out larger is refused as soon as it does, both as 413 with a problem body (or the error page).
/// </summary>
internal sealed class ImportUploadLimits(RequestDelegate next)
{
    /// <summary>The largest request: the largest file, and room for the form's other fields and boundaries.</summary>
    public const long MaxRequestBytes = ImportLimits.MaxFileBytes + (64 * 1024);

    public static readonly string TooLarge = $"The file is larger than {ImportLimits.MaxFileBytes / (1024 * 1024)} MB, the most one import takes. Split it into several files.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ImportUploadAttribute>() is null || !context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > MaxRequestBytes)
            throw new ContentTooLargeException(TooLarge);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxRequestBytes;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }));
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            throw new ContentTooLargeException(TooLarge);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ContentTooLargeException(TooLarge);
        }

        await next(context);
    }

    /// <summary>The uploaded file's bytes; null when none was sent.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
            return null;
        if (file.Length > ImportLimits.MaxFileBytes)
            throw new ContentTooLargeException(TooLarge);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
