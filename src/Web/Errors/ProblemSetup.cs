using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Overholt.Web.Errors;

/// <summary>Makes every error response problem+json, including the ones the framework writes (404 routes, 401, 415, binding errors).</summary>
internal static class ProblemSetup
{
    public const string NotFoundError = "Not found";

    public static IServiceCollection AddOverholtProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Title ??= TitleFor(status);
            problem.Detail ??= DetailFor(status);
            if (!problem.Extensions.ContainsKey("error") && !problem.Extensions.ContainsKey("errors"))
                problem.Extensions["error"] = status == StatusCodes.Status404NotFound ? NotFoundError : problem.Detail;

            // One spelling of the trace id on every path (MVC's factory and the problem details writer differ).
            if (problem.Extensions.Remove("traceId", out var traceId))
                problem.Extensions["trace_id"] = traceId;
        });

        // PostConfigure: AddControllers installs its own factory, whatever the registration order.
        services.PostConfigure<ApiBehaviorOptions>(options => options.InvalidModelStateResponseFactory = BindingProblem);
        return services;
    }

    public static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status412PreconditionFailed => "Precondition failed",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable content",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        _ => status >= 500 ? "An unexpected error occurred" : "Request failed",
    };

    public static string DetailFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Sign in to do this: POST /api/auth/login, then send the token as 'Authorization: Bearer <token>'.",
        StatusCodes.Status403Forbidden => "You are signed in but may not do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this API accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON with 'Content-Type: application/json'.",
        StatusCodes.Status429TooManyRequests => "Too many attempts from your address; wait for the time in the Retry-After header.",
        _ => TitleFor(status),
    };

    /// <summary>Binding failures (malformed JSON, wrong JSON types, a non-numeric page) in the same shape as validation failures.</summary>
    private static IActionResult BindingProblem(ActionContext context)
    {
        var failures = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Field: FieldFor(entry.Key, context), Error: error)))
            .ToList();

        // A body that failed to bind is also reported as missing: keep only the specific reason when there is one.
        if (failures.Exists(failure => failure.Field != FieldNaming.Body || IsTypeError(failure.Error)))
            failures.RemoveAll(failure => failure.Field == FieldNaming.Body && !IsTypeError(failure.Error));

        // Unparseable JSON makes every other binding error noise: say only that.
        var errors = failures.Any(failure => IsSyntaxError(failure.Field, failure.Error))
            ? new Dictionary<string, string[]> { [FieldNaming.Body] = ["The request body is not valid JSON."] }
            : failures.GroupBy(failure => failure.Field).ToDictionary(
                group => group.Key,
                group => group.Select(failure => MessageFor(failure.Field, failure.Error)).Distinct().ToArray());

        var problem = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>()
            .CreateProblemDetails(context.HttpContext, StatusCodes.Status400BadRequest, "One or more fields are invalid", detail: "One or more fields are invalid");
        problem.Extensions.Remove("error");
        problem.Extensions["errors"] = errors;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }

    private static string FieldFor(string key, ActionContext context)
    {
        // "$.zip_code" -> "zip_code"; "$", "" and the body parameter's own name -> "body".
        if (key.StartsWith("$.", StringComparison.Ordinal))
            return key[2..];
        var isBodyParameter = context.ActionDescriptor.Parameters.Any(parameter =>
            parameter.BindingInfo?.BindingSource == BindingSource.Body && string.Equals(parameter.Name, key, StringComparison.OrdinalIgnoreCase));
        return key is "" or "$" || isBodyParameter ? FieldNaming.Body : FieldNaming.Wire(key);
    }

    private static bool IsSyntaxError(string field, ModelError error) =>
        field != FieldNaming.Body && error.ErrorMessage.Contains("Path: $", StringComparison.Ordinal) && !IsTypeError(error);

    private static bool IsTypeError(ModelError error) => error.ErrorMessage.Contains("could not be converted", StringComparison.Ordinal);

    private static string MessageFor(string field, ModelError error)
    {
        if (field == FieldNaming.Body)
            return IsTypeError(error) ? "The request body must be a JSON object." : "A JSON request body is required.";
        if (IsTypeError(error))
            return $"'{field}' has the wrong JSON type.";
        return error.ErrorMessage;
    }
}
