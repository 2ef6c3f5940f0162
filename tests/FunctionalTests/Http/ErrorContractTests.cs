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
