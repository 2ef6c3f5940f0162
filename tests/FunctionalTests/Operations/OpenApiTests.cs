using System.Net;
using System.Text.Json.Nodes;
using Overholt.Testing;

namespace Overholt.FunctionalTests.Operations;

/// <summary>The API describes itself, and the committed docs/openapi.json is what the app serves.</summary>
public sealed class OpenApiTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task The_document_names_every_route_in_snake_case_with_envelopes_problems_and_the_bearer_scheme()
    {
        var document = await DocumentAsync();

        var paths = document["paths"]!.AsObject();
        foreach (var route in new[] { "/api/stores", "/api/stores/{id}", "/api/stores/{id}/products/{productId}", "/api/stores/{id}/managers/{userId}", "/api/products/{id}", "/api/categories", "/api/users", "/api/auth/login" })
            Assert.True(paths.ContainsKey(route), $"{route} is not documented");
        Assert.False(paths.ContainsKey("/api/auth/register"), "A closed endpoint is documented");

        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["StoreDto"]!["properties"]!["zip_code"]);
        Assert.NotNull(schemas["ListEnvelopeOfStoreDto"]!["properties"]!["meta"]);
        Assert.NotNull(schemas["PageMeta"]!["properties"]!["page_size"]);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());

        var put = paths["/api/stores/{id}"]!["put"]!;
        foreach (var status in new[] { "200", "400", "401", "403", "404", "412", "415" })
            Assert.True(put["responses"]![status] is not null, $"PUT /api/stores/{{id}} does not document {status}");
        Assert.NotNull(put["responses"]!["412"]!["content"]!["application/problem+json"]);
        Assert.NotEmpty(put["security"]!.AsArray());
    }

    [Fact]
    public async Task Every_error_is_the_one_problem_schema_and_operations_read_as_method_names()
    {
        var document = await DocumentAsync();

        var problem = document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!;
        Assert.Equal("string", problem["error"]!["type"]!.GetValue<string>());
        Assert.Equal("object", problem["errors"]!["type"]!.GetValue<string>());
        Assert.Equal("string", problem["errors"]!["additionalProperties"]!["items"]!["type"]!.GetValue<string>());
        Assert.Null(document["components"]!["schemas"]!["HttpValidationProblemDetails"]);

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Route: $"{operation.Key.ToUpperInvariant()} {path.Key}", Operation: operation.Value!)))
            .ToList();
        foreach (var (route, operation) in operations)
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(response => response.Key[0] is '4' or '5'))
            {
                var content = response!["content"]!.AsObject();
                Assert.True(content.Count == 1 && content["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/ProblemDetails", $"{route} {status} is not the ProblemDetails schema");
            }
        }

        var names = operations.ToDictionary(operation => operation.Route, operation => operation.Operation["operationId"]?.GetValue<string>());
        Assert.Equal(operations.Count, names.Values.Distinct().Count());
        Assert.Equal("listStores", names["GET /api/stores"]);
        Assert.Equal("addStoreManager", names["PUT /api/stores/{id}/managers/{userId}"]);
        Assert.Equal("removeStoreManager", names["DELETE /api/stores/{id}/managers/{userId}"]);
        Assert.Equal("login", names["POST /api/auth/login"]);
        Assert.Empty(document["paths"]!["/api/auth/login"]!["post"]!["security"]!.AsArray());
        Assert.Empty(document["paths"]!["/api/auth/refresh"]!["post"]!["security"]!.AsArray());
    }

    [Fact]
    public async Task Served_the_document_names_its_server_without_the_slash_the_paths_begin_with()
    {
        var committed = JsonNode.Parse(await CommittedAsync("docs/openapi.json"))!;
        var served = await DocumentAsync();

        Assert.Equal("/", committed["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("http://localhost", served["servers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_document_passes_redoclys_recommended_rules_without_a_warning()
    {
        // docs/openapi.json as the build wrote it: the committed copy, when the test above finds it current.
        var tools = Path.Combine(Repository.Root, "tools", "openapi");
        await RestoreLinterAsync(tools);

        var (exitCode, output, error) = await RunAsync(tools, "node", "node_modules/@redocly/cli/bin/cli.js", "lint", "../../docs/openapi.json", "--config", "redocly.yaml", "--format", "json");

        Assert.True(output.TrimStart().StartsWith('{'), $"Redocly lint gave no report (exit {exitCode}): {output}{error}");
        var report = JsonNode.Parse(output)!;
        var problems = string.Join(Environment.NewLine, report["problems"]!.AsArray().Select(problem =>
            $"{problem!["severity"]} {problem["ruleId"]}: {problem["message"]} at {problem["location"]?[0]?["pointer"]}"));
        Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0 && report["totals"]!["warnings"]!.GetValue<int>() == 0 && exitCode == 0, $"Redocly lint (exit {exitCode}):{Environment.NewLine}{problems}");
        Assert.Equal(LockedVersion(tools), report["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_committed_document_is_the_one_the_app_serves()
    {
        // The build rewrites docs/openapi.json, so the committed copy is read from git itself.
        var committed = JsonNode.Parse(await CommittedAsync("docs/openapi.json"))!;
        var served = await DocumentAsync();
        committed.AsObject().Remove("servers");
        served.AsObject().Remove("servers");

        Assert.True(JsonNode.DeepEquals(committed, served), "The committed docs/openapi.json is stale: build src/Web (it rewrites the file) and commit it");
    }

    [Fact]
    public async Task The_reference_page_is_off_outside_development()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync("/scalar")).StatusCode);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<string> CommittedAsync(string path)
    {
        var git = new System.Diagnostics.ProcessStartInfo("git", ["-C", Repository.Root, "show", $"HEAD:{path}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(git)!;
        var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{path} is not committed");
        return text;
    }

    /// <summary><c>npm ci</c> in tools/openapi unless the linter installed there is the version package-lock.json pins.</summary>
    private static async Task RestoreLinterAsync(string tools)
    {
        var installed = Path.Combine(tools, "node_modules", "@redocly", "cli", "package.json");
        if (File.Exists(installed) && JsonNode.Parse(await File.ReadAllTextAsync(installed, TestContext.Current.CancellationToken))!["version"]!.GetValue<string>() == LockedVersion(tools))
            return;
        var (exitCode, output, error) = await RunAsync(tools, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        Assert.True(exitCode == 0, $"npm ci in tools/openapi failed: {output}{error}");
    }

    private static string LockedVersion(string tools) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(tools, "package-lock.json")))!["packages"]!["node_modules/@redocly/cli"]!["version"]!.GetValue<string>();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string directory, string command, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(command, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // No telemetry and no update check: the tests reach no one.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
