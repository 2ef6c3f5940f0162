using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Security;

/// <summary>ETags on stores, products and categories: no lost updates, and 304 for a representation the client has.</summary>
public sealed class ConditionalRequestTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    public static TheoryData<string> Resources => new() { "stores", "products", "categories" };

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_get_carries_an_etag_and_the_current_one_gets_304(string resource)
    {
        var url = await CreateAsync(resource);
        var first = await AsUser.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await AsUser.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_put_with_a_stale_if_match_is_412_and_changes_nothing(string resource)
    {
        var url = await CreateAsync(resource);
        var stale = (await AsUser.GetAsync(url)).Headers.ETag!;
        var current = await (await AsAdmin.PutJsonAsync(url, new { name = "Changed by someone else" })).AssertOkJson();

        var response = await Send(HttpMethod.Put, url, stale, new { name = "Mine" });

        await response.AssertProblem(412);
        var after = await (await AsUser.GetAsync(url)).AssertOkJson();
        Assert.Equal("Changed by someone else", after.GetProperty("name").GetString());
        Assert.Equal(current.GetProperty("name").GetString(), after.GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_delete_with_a_stale_if_match_is_412_and_deletes_nothing(string resource)
    {
        var url = await CreateAsync(resource);
        var stale = (await AsUser.GetAsync(url)).Headers.ETag!;
        await (await AsAdmin.PutJsonAsync(url, new { name = "Changed by someone else" })).AssertOkJson();

        await (await Send(HttpMethod.Delete, url, stale)).AssertProblem(412);

        await (await AsUser.GetAsync(url)).AssertOkJson();
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_change_with_the_current_if_match_succeeds_and_returns_the_new_etag(string resource)
    {
        var url = await CreateAsync(resource);
        var current = (await AsUser.GetAsync(url)).Headers.ETag!;

        var response = await Send(HttpMethod.Put, url, current, new { name = "Mine" });

        Assert.Equal("Mine", (await response.AssertOkJson()).GetProperty("name").GetString());
        Assert.NotEqual(current, response.Headers.ETag);
        Assert.Equal(response.Headers.ETag, (await AsUser.GetAsync(url)).Headers.ETag);
        (await Send(HttpMethod.Delete, url, response.Headers.ETag!)).AssertNoContent();
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_put_of_the_current_values_changes_nothing_so_the_etag_and_if_match_stay_good(string resource)
    {
        var url = await CreateAsync(resource);
        var read = await AsUser.GetAsync(url);
        var etag = read.Headers.ETag!;
        var current = CurrentValues(resource, await read.AssertOkJson());

        var noChange = await AsAdmin.PutJsonAsync(url, current);

        await noChange.AssertOkJson();
        Assert.Equal(etag, noChange.Headers.ETag);
        Assert.Equal(etag, (await AsUser.GetAsync(url)).Headers.ETag);
        var change = await Send(HttpMethod.Put, url, etag, new { name = "Mine" });
        Assert.Equal("Mine", (await change.AssertOkJson()).GetProperty("name").GetString());
        Assert.NotEqual(etag, change.Headers.ETag);
    }

    [Fact]
    public async Task A_change_of_several_fields_moves_the_etag_by_one_version()
    {
        var category = await Given.Category("Fruit").Described("Sweet things").SaveAsync();
        var url = $"/api/categories/{category.Id}";
        var before = VersionIn((await AsUser.GetAsync(url)).Headers.ETag!);

        var changed = await AsAdmin.PutJsonAsync(url, new { name = "Vegetables", description = "Green things" });

        await changed.AssertOkJson();
        Assert.Equal(before + 1, VersionIn(changed.Headers.ETag!));
    }

    [Theory]
    [InlineData("W/\"0\"")]
    [InlineData("\"not-a-version\"")]
    public async Task Weak_or_foreign_if_match_tags_never_match(string tag)
    {
        var url = await CreateAsync("categories");

        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("If-Match", tag);

        await (await AsAdmin.SendAsync(request)).AssertProblem(412);
        await (await AsUser.GetAsync(url)).AssertOkJson();
    }

    [Fact]
    public async Task A_store_changes_its_etag_when_it_gains_a_product_or_a_manager()
    {
        var product = await Given.Product().SaveAsync();
        var store = await Given.Store().SaveAsync();
        var before = (await AsUser.GetAsync($"/api/stores/{store.Id}")).Headers.ETag;

        var withProduct = (await AsAdmin.PutAsync($"/api/stores/{store.Id}/products/{product.Id}")).Headers.ETag;
        var withManager = (await AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{User.Id}")).Headers.ETag;

        Assert.Equal(3, new[] { before, withProduct, withManager }.Distinct().Count());
    }

    [Fact]
    public async Task The_edit_form_refuses_to_overwrite_a_change_made_since_it_was_opened()
    {
        var store = await Given.Store("Corner").SaveAsync();
        using var browser = await App.BrowserFor(Admin);
        var form = (await browser.GetAsync($"/stores/{store.Id}/edit")).Form($"/stores/{store.Id}/edit");
        await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "Renamed meanwhile" })).AssertOkJson();

        var page = await browser.SubmitAndFollowAsync(form, new() { ["Name"] = "Mine" });

        Assert.Contains("changed by someone else since you opened it", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed meanwhile", (await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("products")]
    [InlineData("categories")]
    public async Task The_other_edit_forms_refuse_it_too(string resource)
    {
        var url = await CreateAsync(resource);
        var id = url.Split('/')[^1];
        using var browser = await App.BrowserFor(Admin);
        var form = (await browser.GetAsync($"/{resource}/{id}/edit")).Form($"/{resource}/{id}/edit");
        await (await AsAdmin.PutJsonAsync(url, new { name = "Renamed meanwhile" })).AssertOkJson();

        var page = await browser.SubmitAndFollowAsync(form, new() { ["Name"] = "Mine" });

        Assert.Contains("changed by someone else since you opened it", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed meanwhile", (await (await AsUser.GetAsync(url)).AssertOkJson()).GetProperty("name").GetString());
    }

    private async Task<string> CreateAsync(string resource)
    {
        var id = resource switch
        {
            "stores" => (await Given.Store().SaveAsync()).Id,
            "products" => (await Given.Product().InCategory(await Given.Category().SaveAsync()).InCategory(await Given.Category().SaveAsync()).SaveAsync()).Id,
            _ => (await Given.Category().Described("Things").SaveAsync()).Id,
        };
        return $"/api/{resource}/{id}";
    }

    /// <summary>The resource's fields as its <c>PUT</c> body takes them, with the values it has now.</summary>
    private static object CurrentValues(string resource, JsonElement data) => resource switch
    {
        "stores" => new
        {
            name = data.GetProperty("name").GetString(),
            address = data.GetProperty("address").GetString(),
            city = data.GetProperty("city").GetString(),
            state = data.GetProperty("state").GetString(),
            zip_code = data.GetProperty("zip_code").GetString(),
        },
        "products" => new
        {
            name = data.GetProperty("name").GetString(),
            categories = data.GetProperty("categories").EnumerateArray().Select(category => category.GetProperty("id").GetInt32()).Reverse().ToArray(),
        },
        _ => new { name = data.GetProperty("name").GetString(), description = data.GetProperty("description").GetString() },
    };

    /// <summary>The version part of a <c>"version-digest"</c> tag.</summary>
    private static int VersionIn(EntityTagHeaderValue etag) => int.Parse(etag.Tag.AsSpan().Trim('"').ToString().Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, EntityTagHeaderValue ifMatch, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: HttpAssertions.Json) };
        request.Headers.IfMatch.Add(ifMatch);
        return AsAdmin.SendAsync(request);
    }
}
