using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Http;

/// <summary>Bad input gets a clear problem+json error, never a 500, and changes nothing.</summary>
public sealed class ErrorContractTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Theory]
    [InlineData("""{"name": "x", """, "body")]
    [InlineData("not json at all", "body")]
    [InlineData("""["a list"]""", "body")]
    [InlineData("""{"name": 5, "address": "a", "city": "c", "state": "s", "zip_code": "z"}""", "name")]
    [InlineData("""{"name": {"nested": true}, "address": "a", "city": "c", "state": "s", "zip_code": "z"}""", "name")]
    [InlineData("", "body")]
    public async Task Malformed_or_mistyped_json_is_a_400_and_creates_nothing(string json, string field)
    {
        await (await AsAdmin.SendRawAsync(HttpMethod.Post, "/api/stores", json)).AssertProblem(400, field);

        await AssertNoStores();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await (await AsAdmin.SendRawAsync(HttpMethod.Post, "/api/stores", "name=x", "application/x-www-form-urlencoded")).AssertProblem(415);

        await AssertNoStores();
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_not_found() =>
        await (await AsUser.GetAsync("/api/nothing-here")).AssertProblem(404, error: "Not found");

    [Fact]
    public async Task A_wrong_method_is_a_405_problem() =>
        await (await AsAdmin.PatchAsync("/api/stores", content: null)).AssertProblem(405);

    /// <summary>
    /// The API answers in JSON whatever a client's Accept header asks for: an error is problem+json, never the site's
    /// HTML error page or a plain-text status line, whichever part of the pipeline writes it (an error type mapped by the
    /// exception handler, a route or method that does not exist, a request without a token).
    /// </summary>
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("text/html, application/xhtml+xml")]
    [InlineData(";;; not a media type")]
    public async Task Errors_are_problem_json_whatever_the_accept_header_names(string accept)
    {
        await (await SendAccepting(AsUser, HttpMethod.Get, "/api/stores/999999", accept)).AssertProblem(404, error: "Not found");
        await (await SendAccepting(AsUser, HttpMethod.Get, "/API/Stores/999999", accept)).AssertProblem(404, error: "Not found");
        await (await SendAccepting(AsUser, HttpMethod.Get, "/api/nothing-here", accept)).AssertProblem(404, error: "Not found");
        await (await SendAccepting(AsAdmin, HttpMethod.Patch, "/api/stores", accept)).AssertProblem(405);
        await (await SendAccepting(Anonymous, HttpMethod.Get, "/api/stores", accept)).AssertProblem(401);
    }

    private static async Task<HttpResponseMessage> SendAccepting(HttpClient client, HttpMethod method, string path, string accept)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Trailing_slashes_are_accepted()
    {
        var store = await Given.Store().SaveAsync();

        await (await AsUser.GetAsync("/api/stores/")).AssertOkList();
        await (await AsUser.GetAsync($"/api/stores/{store.Id}/")).AssertOkJson();
    }

    [Fact]
    public async Task Method_override_header_turns_a_post_into_a_put()
    {
        var store = await Given.Store("Old name").SaveAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stores/{store.Id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "New name" }),
        };
        request.Headers.Add("X-HTTP-Method-Override", "PUT");

        var data = await (await AsAdmin.SendAsync(request)).AssertOkJson();

        Assert.Equal("New name", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Method_override_query_parameter_turns_a_post_into_a_delete()
    {
        var store = await Given.Store().SaveAsync();

        (await AsAdmin.PostAsync($"/api/stores/{store.Id}?__METHOD__=DELETE", content: null)).AssertNoContent();

        await AssertNoStores();
    }

    [Fact]
    public async Task Responses_are_snake_case_json_in_an_envelope()
    {
        var store = await Given.Store().SaveAsync();

        var text = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).Content.ReadAsStringAsync();

        Assert.StartsWith("""{"data":{"id":""", text, StringComparison.Ordinal);
        Assert.Contains("\"zip_code\":", text, StringComparison.Ordinal);
    }

    private async Task AssertNoStores()
    {
        var body = await (await AsUser.GetAsync("/api/stores")).AssertOkList();
        Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());
    }
}
