using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Errors;
using Overholt.Domain.Primitives;
using Overholt.Infrastructure.Persistence;
using Overholt.Web.Api;

namespace Overholt.Web.Errors;

/// <summary>
/// The one place where error types become HTTP statuses, as problem+json with the original Overholt's
/// <c>error</c> / <c>errors</c> members. Anything unrecognised is a 500 that reveals nothing internal.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string UnavailableMessage = "The database could not answer just now. Try again in a moment.";

    public const string CommitUncertainMessage = "The database stopped answering while saving the change, so it may or may not have been saved. Check before trying again.";

    /// <summary>How long a client is asked to wait after a transient database failure: about as long as a restart takes.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (TransientFailure.Is(exception))
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Browser pages get an HTML error page: the exception handler re-executes /error with StatusFor's status.
        // The middleware has already pointed Request.Path at /error; the feature keeps the path that failed.
        var failedPath = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path);
        if (!ApiPaths.IsApi(failedPath))
            return false;

        var problem = Describe(exception, FieldNaming.Wire);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Whether the exception is an expected outcome (4xx) rather than a fault worth an error log.</summary>
    public static bool IsClientError(Exception exception) => StatusFor(exception) < StatusCodes.Status500InternalServerError;

    public static int StatusFor(Exception exception) => Describe(exception, FieldNaming.Wire).Status!.Value;

    public static bool IsApi(HttpRequest request) => ApiPaths.IsApi(request.Path);

    /// <summary>
    /// What an exception means to whoever sent the request: its status, and the original's <c>error</c> message or
    /// <c>errors</c> by field, named by <paramref name="fieldName"/> (the API's JSON names, the console's labels).
    /// </summary>
    public static ProblemDetails Describe(Exception exception, Func<string, string> fieldName) => exception switch
    {
        RequestValidationException invalid => Problem(StatusCodes.Status400BadRequest, "One or more fields are invalid", invalid.Message, "errors", FieldNaming.Rename(invalid, fieldName)),
        DomainRuleException rule => Problem(StatusCodes.Status400BadRequest, "The request breaks a rule", rule.Message, "error", rule.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message, "error", ProblemSetup.NotFoundError),
        NotSignedInException notSignedIn => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", notSignedIn.Message, "error", notSignedIn.Message),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message, "error", forbidden.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message, "error", conflict.Message),
        ContentTooLargeException tooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Content too large", tooLarge.Message, "error", tooLarge.Message),
        PreconditionFailedException stale => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", stale.Message, "error", stale.Message),
        CommitUncertainException => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", CommitUncertainMessage, "error", CommitUncertainMessage),
        _ when TransientFailure.Is(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", UnavailableMessage, "error", UnavailableMessage),
        BadHttpRequestException badRequest => Problem(badRequest.StatusCode, ProblemSetup.TitleFor(badRequest.StatusCode), ProblemSetup.DetailFor(badRequest.StatusCode), "error", ProblemSetup.DetailFor(badRequest.StatusCode)),
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred" },
    };

    private static ProblemDetails Problem(int status, string title, string detail, string member, object value) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { [member] = value },
    };
}
