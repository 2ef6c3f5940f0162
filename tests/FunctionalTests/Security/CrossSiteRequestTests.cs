using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>The sign-in cookie cannot be used by another site's form or script to change anything through the API.</summary>
public sealed class CrossSiteRequestTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_cross_site_form_with_the_admins_cookie_cannot_delete_a_category()
    {
        var category = await Given.Category("Fruit").SaveAsync();
        using var victim = await App.CookieClientFor(Admin);
        using var attack = new HttpRequestMessage(HttpMethod.Post, $"/api/categories/{category.Id}?__METHOD__=DELETE")
        {
            Content = new FormUrlEncodedContent([new("x", "1")]),
        };
        attack.Headers.Add("Origin", "https://evil.example");
        attack.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await victim.SendAsync(attack);

        await response.AssertProblem(403);
        await (await AsUser.GetAsync($"/api/categories/{category.Id}")).AssertOkJson();
    }

    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("same-site", null)] // a sibling subdomain is another site for this purpose
    [InlineData(null, "https://evil.example")]
    [InlineData(null, "null")]
    [InlineData(null, null)] // neither header: refused rather than assumed safe
    public async Task A_cookie_request_that_cannot_show_it_comes_from_this_site_changes_nothing(string? fetchSite, string? origin)
    {
        using var victim = await App.CookieClientFor(Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/categories") { Content = JsonContent(new { name = "Planted" }) };
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (origin is not null)
            request.Headers.Add("Origin", origin);

        await (await victim.SendAsync(request)).AssertProblem(403);

        var list = await (await AsUser.GetAsync("/api/categories")).AssertOkList();
        Assert.Equal(0, list.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("same-origin", null)]
    [InlineData(null, "http://localhost")] // a browser without fetch metadata, on this site
    public async Task The_sites_own_pages_keep_calling_the_api_with_the_cookie(string? fetchSite, string? origin)
    {
        using var browser = await App.CookieClientFor(Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/categories") { Content = JsonContent(new { name = "Fruit" }) };
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (origin is not null)
            request.Headers.Add("Origin", origin);

        await (await browser.SendAsync(request)).AssertOkJson(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reads_with_the_cookie_need_no_proof()
    {
        using var browser = await App.CookieClientFor(User);

        await (await browser.GetAsync("/api/categories")).AssertOkList();
    }

    [Fact]
    public async Task Bearer_tokens_are_not_affected()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/categories") { Content = JsonContent(new { name = "Fruit" }) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://other-client.example");

        await (await AsAdmin.SendAsync(request)).AssertOkJson(HttpStatusCode.Created);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, HttpAssertions.Json), System.Text.Encoding.UTF8, "application/json");
}
