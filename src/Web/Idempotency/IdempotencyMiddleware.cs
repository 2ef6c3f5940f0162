using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Overholt.Infrastructure.Idempotency;
using Overholt.Web.Errors;
using Overholt.Web.Security;

namespace Overholt.Web.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's creating <c>POST</c>s (<see cref="IdempotentAttribute"/>), after the IETF httpapi
/// draft. The key is claimed in the database before the command runs (<see cref="IdempotencyKeys"/>); the answer, once
/// written, is stored with it: the same key from the same user with the same request (method, path, body) within 24
/// hours gets that answer again, status, body, <c>Location</c> and <c>ETag</c>, marked <c>Idempotent-Replayed: true</c>,
/// and nothing runs. The same key with another request is 422; while the first still runs, 409. Client errors are
/// answers like any other and are replayed; a 5xx is not stored, so the client can try again. Requests without the
/// header are untouched. It runs after authorization: only a signed-in user's allowed requests get this far.
/// </summary>
internal sealed partial class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var header)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || context.User.UserId() is not { } userId)
        {
            await next(context);
            return;
        }

        if (!IdempotencyKeyHeader.TryRead(header, out var key))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "One or more fields are invalid", IdempotencyKeyHeader.Rule,
                "errors", new Dictionary<string, string[]> { [IdempotencyKeyHeader.Name] = [IdempotencyKeyHeader.Rule] });
            return;
        }

        var keys = context.RequestServices.GetRequiredService<IdempotencyKeys>();
        var claim = await keys.ClaimAsync(userId, key, await FingerprintAsync(context.Request), context.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Done:
                await ReplayAsync(context, claim.Answer!);
                return;
            case IdempotencyOutcome.Mismatch:
                await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"This {IdempotencyKeyHeader.Name} was sent with a different request. Use a new key for a new request.");
                return;
            case IdempotencyOutcome.InFlight:
                context.Response.Headers.RetryAfter = "1";
                await ProblemAsync(context, StatusCodes.Status409Conflict, "Request in progress",
                    $"A request with this {IdempotencyKeyHeader.Name} is still being processed. Send it again once that one has answered.");
                return;
        }

        await RunAsync(context, keys, userId, key, claim.Token!);
    }

    /// <summary>Runs the request with its answer held back, stores the answer (or lets the key go), then sends it.</summary>
    private async Task RunAsync(HttpContext context, IdempotencyKeys keys, int userId, string key, string token)
    {
        var response = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        try
        {
            var held = new StreamResponseBodyFeature(buffer, response);
            context.Features.Set<IHttpResponseBodyFeature>(held);
            try
            {
                await next(context);
                await held.CompleteAsync();
            }
            catch (Exception exception) when (ProblemExceptionHandler.IsClientError(exception) && exception is not OperationCanceledException)
            {
                // A refusal (invalid input, a broken rule, not found, a conflict) is the request's answer: written here, by
                // the same handler the exception handler would use, so that it is stored and replayed.
                buffer.SetLength(0);
                context.Response.Clear();
                held = new StreamResponseBodyFeature(buffer, response);
                context.Features.Set<IHttpResponseBodyFeature>(held);
                await WriteProblemForAsync(context, exception);
                await held.CompleteAsync();
            }
        }
        catch
        {
            await ReleaseAsync(keys, userId, key, token);
            throw;
        }
        finally
        {
            context.Features.Set(response);
        }

        var answer = context.Response;
        if (answer.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await ReleaseAsync(keys, userId, key, token);
        }
        else
        {
            try
            {
                await keys.CompleteAsync(userId, key, token, new IdempotentAnswer(
                    answer.StatusCode, answer.ContentType, answer.Headers.Location, answer.Headers.ETag, buffer.ToArray()), CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The change is made and the client gets its answer; only a retry within the claim timeout sees 409.
                LogNotStored(exception);
            }
        }

        answer.ContentLength = buffer.Length;
        await answer.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private async Task ReleaseAsync(IdempotencyKeys keys, int userId, string key, string token)
    {
        try
        {
            await keys.ReleaseAsync(userId, key, token, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The claim is taken over once it is abandoned (IdempotencyKeys.ClaimTimeout).
            LogNotReleased(exception);
        }
    }

    private static async Task WriteProblemForAsync(HttpContext context, Exception exception)
    {
        foreach (var handler in context.RequestServices.GetServices<IExceptionHandler>())
        {
            if (await handler.TryHandleAsync(context, exception, context.RequestAborted))
                return;
        }

        ExceptionDispatchInfo.Throw(exception); // no handler answered: the exception handler middleware will
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyKey stored)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode!.Value;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
            response.Headers.Location = stored.Location;
        if (stored.ETag is not null)
            response.Headers.ETag = stored.ETag;
        response.Headers[IdempotencyKeyHeader.ReplayedHeader] = "true";
        var body = stored.Body ?? [];
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task<byte[]> FingerprintAsync(HttpRequest request)
    {
        using var hash = RequestFingerprint.Start(request.Method, request.PathBase + request.Path, request.QueryString);
        request.EnableBuffering();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail, string member = "error", object? value = null)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { [member] = value ?? detail } },
        }).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to an Idempotency-Key request could not be stored; a retry will be refused until the claim times out")]
    private partial void LogNotStored(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An Idempotency-Key claim could not be released; it will be taken over once it times out")]
    private partial void LogNotReleased(Exception exception);
}
