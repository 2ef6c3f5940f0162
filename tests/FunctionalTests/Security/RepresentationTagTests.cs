using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.Identity;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>
/// A GET's ETag follows its representation, embedded names included, so <c>If-None-Match</c> never answers 304 with a
/// stale text; <c>If-Match</c> still guards the resource's own version. API answers say how they may be cached.
/// </summary>
public sealed class RepresentationTagTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Renaming_a_product_a_store_carries_changes_the_store_tag_but_not_its_version()
    {
        var product = await Given.Product("Apple").SaveAsync();
        var store = await Given.Store().WithProduct(product).SaveAsync();
        var url = $"/api/stores/{store.Id}";
        var before = (await AsUser.GetAsync(url)).Headers.ETag!;

        await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { name = "Green apple" })).AssertOkJson();

        var after = await GetIfNoneMatch(url, before);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
        Assert.Equal("Green apple", (await after.AssertOkJson()).GetProperty("products")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatch(url, after.Headers.ETag!)).StatusCode);
        // The store itself did not change: a change conditional on the tag read before the rename still applies.
        await (await PutIfMatch(url, before, new { name = "Renamed store" })).AssertOkJson();
    }

    [Fact]
    public async Task Renaming_a_category_changes_the_tag_of_a_product_in_it()
    {
        var category = await Given.Category("Fruit").SaveAsync();
        var product = await Given.Product().InCategory(category).SaveAsync();
        var url = $"/api/products/{product.Id}";
        var before = (await AsUser.GetAsync(url)).Headers.ETag!;

        await (await AsAdmin.PutJsonAsync($"/api/categories/{category.Id}", new { name = "Fresh fruit" })).AssertOkJson();

        var after = await GetIfNoneMatch(url, before);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Fresh fruit", (await after.AssertOkJson()).GetProperty("categories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_manager_email_change_changes_the_store_tag()
    {
        var manager = await Given.User("before@example.com").SaveAsync();
        var store = await Given.Store().WithManager(manager).SaveAsync();
        var url = $"/api/stores/{store.Id}";
        var before = (await AsUser.GetAsync(url)).Headers.ETag!;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(manager.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            Assert.True((await users.SetEmailAsync(account, "after@example.com")).Succeeded);
        }

        var after = await GetIfNoneMatch(url, before);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("after@example.com", (await after.AssertOkJson()).GetProperty("managers")[0].GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("/api/stores", false)]
    [InlineData("/api/products", false)]
    [InlineData("/api/categories", false)]
    [InlineData("/api/users", true)]
    public async Task Api_answers_say_how_they_may_be_cached(string url, bool account)
    {
        var response = await AsUser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        // Catalogue answers: the user's own (private), revalidated with their ETag (no-cache); accounts: never kept.
        Assert.Equal((!account, !account, account), (cacheControl.Private, cacheControl.NoCache, cacheControl.NoStore));
    }

    [Fact]
    public async Task Tokens_are_never_kept_by_a_cache()
    {
        var login = await Anonymous.PostJsonAsync("/api/auth/login", new { email = User.Email, password = User.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(login.Headers.CacheControl?.NoStore, $"Cache-Control: {login.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_created_store_is_sent_as_the_bytes_every_read_of_it_sends_tagged_by_their_digest()
    {
        var created = await AsAdmin.PostJsonAsync("/api/stores", new { name = "Tagged", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsByteArrayAsync();

        foreach (var read in new[] { await AsUser.GetAsync(created.Headers.Location), await AsUser.GetAsync(created.Headers.Location) }) // the second from the cache
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(body, await read.Content.ReadAsByteArrayAsync());
            Assert.Equal(created.Headers.ETag, read.Headers.ETag);
            Assert.Equal("application/json; charset=utf-8", read.Content.Headers.ContentType!.ToString());
            Assert.Equal(body.Length, read.Content.Headers.ContentLength);
        }

        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)[..8]);
        Assert.EndsWith($"-{digest}\"", created.Headers.ETag!.Tag);
        Assert.Equal("Tagged", (await created.AssertOkJson(HttpStatusCode.Created)).GetProperty("name").GetString());
    }

    private Task<HttpResponseMessage> GetIfNoneMatch(string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return AsUser.SendAsync(request);
    }

    private Task<HttpResponseMessage> PutIfMatch(string url, EntityTagHeaderValue tag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: HttpAssertions.Json) };
        request.Headers.IfMatch.Add(tag);
        return AsAdmin.SendAsync(request);
    }
}
