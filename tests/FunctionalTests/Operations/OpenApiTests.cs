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
        var git = new System.Diagnostics.ProcessStartInfo("git", ["-C", RepositoryRoot(), "show", $"HEAD:{path}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(git)!;
        var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{path} is not committed");
        return text;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Overholt.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The tests do not run inside the repository");
    }
}
