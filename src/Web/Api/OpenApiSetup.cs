using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Overholt.Web.Api;

/// <summary>
/// The API described at <c>/openapi/v1.json</c> (snake_case, as the JSON options have it; the envelopes as the controllers
/// declare them), with the problem+json answers each kind of operation can give and the bearer scheme. The reference
/// page <c>/scalar</c> is on in Development, elsewhere when <c>OpenApi:ReferencePage</c> is true.
/// </summary>
internal static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    public static IServiceCollection AddOverholtOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Overholt API";
                document.Info.Description = "Stores, products, categories and their managers. Every success is wrapped as {\"data\": ...}; every error is RFC 9457 problem+json. See docs/api.md.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The access_token from POST /api/auth/login.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeProblemsAndSecurityAsync);
        });

    public static void MapOverholtOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:ReferencePage"))
            app.MapScalarApiReference();
    }

    /// <summary>The problems an operation can answer with, from what it is: signed-in only, with an id, with a body, a change.</summary>
    private static async Task DescribeProblemsAndSecurityAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? string.Empty;
        var path = description.RelativePath ?? string.Empty;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var hasBody = description.ParameterDescriptions.Any(parameter => parameter.Source.Id == "Body");
        var isChange = method is "POST" or "PUT" or "DELETE";
        var isSingleResource = path.Count(character => character == '{') == 1 && !path.StartsWith("api/auth", StringComparison.Ordinal);

        var problems = new List<(int Status, string Description)>();
        if (description.ParameterDescriptions.Count > 0)
            problems.Add((400, "Invalid input: 'errors' names each field (or 'error' for a broken rule such as \"Manager exists\")."));
        if (signedIn)
        {
            problems.Add((401, "Not signed in, or the token was issued before a change to the account."));
            problems.Add((403, "Signed in but not allowed (a role, or a cookie request from another site)."));
        }

        if (path.Contains('{', StringComparison.Ordinal))
            problems.Add((404, "Nothing has this id."));
        if (isChange && signedIn)
            problems.Add((409, "A unique value is taken, or the change kept colliding with others."));
        if (isSingleResource && method is "PUT" or "DELETE")
            problems.Add((412, "If-Match names a version that is no longer current."));
        if (hasBody)
        {
            problems.Add((413, "The body is larger than 256 KiB."));
            problems.Add((415, "The body is not JSON."));
        }

        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, text) in problems)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
            });
        }

        if (signedIn)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
        }
    }
}
