using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Overholt.Web.Hosting;
using Overholt.Web.Idempotency;
using Overholt.Web.Security;
using Scalar.AspNetCore;

namespace Overholt.Web.Api;

/// <summary>
/// The API described at <c>/openapi/v1.json</c> (snake_case, as the JSON options have it; the envelopes as the controllers
/// declare them), shaped for client generators: one <c>ProblemDetails</c> schema behind every error, JSON only, integers as
/// integers, an operation id and a summary on every operation (set on the actions and endpoints), described tags, and the
/// bearer scheme. The reference page <c>/scalar</c> is on in Development, elsewhere when <c>OpenApi:ReferencePage</c> is true.
/// </summary>
internal static class OpenApiSetup
{
    private const string Bearer = "Bearer";
    private const string ProblemSchema = "ProblemDetails";
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Auth"] = "Sign in for a bearer token, refresh it, and the signed-in account's own settings.",
        ["Categories"] = "The categories products are grouped in.",
        ["History"] = "Who changed what and when: each store's, product's, category's and user's changes, and the whole history.",
        ["Imports"] = "CSV files of products or stores loaded into the catalogue by a worker: upload, follow, and the refused rows.",
        ["Products"] = "Products, each in one or more categories.",
        ["Stores"] = "Stores, the products they carry and their managers (who are emailed when added or removed).",
        ["Users"] = "Users as their audience sees them: everyone sees id and email, admins the account.",
    };

    public static IServiceCollection AddOverholtOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(IntegersAsIntegers);
            options.AddOperationTransformer(DescribeOperation);
            options.AddDocumentTransformer(DescribeDocument);
        });

    public static void MapOverholtOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:ReferencePage"))
            app.MapScalarApiReference();
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Overholt API";
        document.Info.Description = "Stores, products, categories and their managers. Every success is wrapped as {\"data\": ...}; every error is RFC 9457 problem+json. See docs/api.md.";
        // The repository grants no licence (its package.json files say UNLICENSED): say so, as an SPDX LicenseRef, until it does.
        document.Info.License = new OpenApiLicense { Name = "No licence granted (all rights reserved)", Identifier = "LicenseRef-Overholt-Unlicensed" };

        // Served, the document names the address it was read from (path base included), less the trailing slash the paths
        // already begin with; written at build, it has none, and "/" means the same.
        if (document.Servers is null or { Count: 0 })
            document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document is read from." }];
        foreach (var server in document.Servers.Where(server => server.Url is { Length: > 1 } url && url.EndsWith('/')))
            server.Url = server.Url!.TrimEnd('/');

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is not null && TagDescriptions.TryGetValue(tag.Name, out var text))
                tag.Description = text;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The access_token from POST /api/auth/login.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        // Identity's endpoints declare their own validation problem; every error now points at the one schema above.
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        return Task.CompletedTask;
    }

    /// <summary>
    /// The error contract of docs/api.md: RFC 9457 members plus the original API's <c>error</c> (a broken rule, "Not found")
    /// and <c>errors</c> (field name to messages), and the <c>trace_id</c> ProblemSetup writes.
    /// </summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An error, as RFC 9457 problem+json with the original Overholt members error and errors.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference that identifies the problem type."),
            ["title"] = Text("A short summary of the problem type."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            // Generated clients make this the exception's message.
            ["detail"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "What went wrong, for a person.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-ms-primary-error-message"] = new JsonNodeExtension(true) },
            },
            ["instance"] = Text("A URI reference that identifies this occurrence."),
            ["error"] = Text("The rule that was broken (\"Manager exists\", \"Not found\"...), when the problem is not about fields."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For invalid input: each snake_case field name (\"zip_code\", or \"body\") with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["trace_id"] = Text("The request's trace id, to find it in the logs."),
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    /// <summary>
    /// The web JSON defaults also read numbers from strings, so the generator offers "integer or string" with a pattern.
    /// Numbers are always written as numbers, and a client should send them so: document them as numbers.
    /// </summary>
    private static Task IntegersAsIntegers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null; // the pattern of the number as a string
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        JsonOnly(operation);
        var idempotent = context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentAttribute>().Any();
        if (idempotent)
            DescribeIdempotencyKey(operation);
        DescribeProblems(operation, context, idempotent);

        // Anonymous operations say so (an empty list), so no client sends a token it does not need.
        operation.Security = SignedIn(context) ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }] : [];
        return Task.CompletedTask;
    }

    /// <summary>
    /// The API reads and writes JSON; the formatters' other spellings of it (text/json, text/plain, application/*+json)
    /// would only make clients choose.
    /// </summary>
    private static void JsonOnly(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content is { } request && request.ContainsKey(Json))
            KeepOnly(request, Json);
        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
        {
            if (response.Content is { } content && content.ContainsKey(Json))
                KeepOnly(content, Json);
        }
    }

    private static void KeepOnly(IDictionary<string, OpenApiMediaType> content, string mediaType)
    {
        foreach (var other in content.Keys.Where(key => key != mediaType).ToList())
            content.Remove(other);
    }

    private static bool SignedIn(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }

    /// <summary>The optional <c>Idempotency-Key</c> header of a creating <c>POST</c> (<see cref="IdempotencyMiddleware"/>).</summary>
    private static void DescribeIdempotencyKey(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A key of your choosing (a UUID) that makes a retry safe: the same key with the same request within 24 hours "
                + "gets the first answer again (marked Idempotent-Replayed: true) and creates nothing. Keys are per user.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength },
        });
    }

    /// <summary>The problems an operation can answer with, from what it is: signed-in only, with an id, with a body, a change, throttled, idempotent.</summary>
    private static void DescribeProblems(OpenApiOperation operation, OpenApiOperationTransformerContext context, bool idempotent)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? string.Empty;
        var path = description.RelativePath ?? string.Empty;
        var signedIn = SignedIn(context);
        var throttled = description.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any(limit => limit.PolicyName == SignInThrottling.Policy);
        var hasBody = description.ParameterDescriptions.Any(parameter => parameter.Source.Id == "Body");
        var isChange = method is "POST" or "PUT" or "DELETE";
        var isSingleResource = path.Count(character => character == '{') == 1 && !path.StartsWith("api/auth", StringComparison.Ordinal);
        var recovers = path.EndsWith("/forgotPassword", StringComparison.Ordinal) || path.EndsWith("/resetPassword", StringComparison.Ordinal);

        var problems = new List<(int Status, string Description)>();
        if (description.ParameterDescriptions.Count > 0)
            problems.Add((400, idempotent
                ? "Invalid input: 'errors' names each field, or the Idempotency-Key header (or 'error' for a broken rule such as \"Manager exists\")."
                : "Invalid input: 'errors' names each field (or 'error' for a broken rule such as \"Manager exists\")."));
        if (signedIn)
        {
            problems.Add((401, "Not signed in, or the token was issued before a change to the account."));
            problems.Add((403, "Signed in but not allowed (a role, or a cookie request from another site)."));
        }
        else if (throttled && !recovers)
        {
            problems.Add((401, "The email and password, or the refresh token, were not accepted."));
        }

        if (path.Contains('{', StringComparison.Ordinal))
            problems.Add((404, "Nothing has this id."));
        if (recovers)
            problems.Add((404, "Password recovery by email is not set up on this server."));
        if (isChange && signedIn)
            problems.Add((409, idempotent
                ? "A unique value is taken, the change kept colliding with others, or a request with this Idempotency-Key is still running (see Retry-After)."
                : "A unique value is taken, or the change kept colliding with others."));
        if (isSingleResource && method is "PUT" or "DELETE")
            problems.Add((412, "If-Match names a version that is no longer current."));
        if (hasBody)
        {
            problems.Add((413, $"The body is larger than {RequestLimits.MaxBodyBytes / 1024} KiB."));
            problems.Add((415, "The body is not JSON."));
        }

        if (idempotent)
            problems.Add((422, "This Idempotency-Key was sent before with a different request."));
        if (throttled)
            problems.Add((429, "Too many sign-in attempts from this address: wait for the time in Retry-After."));

        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, text) in problems)
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse { Description = text });

        // Every error, ours and the ones endpoints declare themselves, is problem+json of the one component schema.
        foreach (var (status, response) in operation.Responses)
        {
            if (status[0] is '4' or '5' && response is OpenApiResponse error)
                error.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) } };
        }
    }
}
