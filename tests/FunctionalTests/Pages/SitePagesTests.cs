using System.Net;
using Overholt.Testing;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Pages;

public sealed class SitePagesTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/stores")]
    [InlineData("/products")]
    [InlineData("/categories")]
    public async Task Every_list_page_renders_for_a_signed_in_user(string url)
    {
        await Given.Store().WithProducts(1).SaveAsync();
        using var browser = await App.BrowserFor(User);

        var page = await browser.GetAsync(url);

        Assert.NotNull(page.QuerySelector("main#content"));
        Assert.NotNull(page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task The_dashboard_shows_who_manages_each_of_the_latest_stores()
    {
        var manager = await Given.User("manager@example.com").SaveAsync();
        await Given.Store("Corner shop").WithManager(manager).WithManager(User).SaveAsync();
        await Given.Store("Unmanaged").SaveAsync();
        using var browser = await App.BrowserFor(User);

        var stores = (await browser.GetAsync("/")).QuerySelectorAll("section[aria-labelledby=stores-heading] li");

        var managed = stores.Single(store => store.TextContent.Contains("Corner shop", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Managed by", managed, StringComparison.Ordinal);
        Assert.Contains("manager@example.com", managed, StringComparison.Ordinal);
        Assert.Contains("user@example.com", managed, StringComparison.Ordinal);
        Assert.DoesNotContain("Managed by", stores.Single(store => store.TextContent.Contains("Unmanaged", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var browser = await App.BrowserFor(User);

        using var response = await browser.Http.GetAsync("/");
        using var errorPage = await browser.Http.GetAsync("/stores/999");

        Assert.Equal(HttpStatusCode.NotFound, errorPage.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", errorPage.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", errorPage.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404_page_while_the_api_keeps_problem_json()
    {
        using var browser = await App.BrowserFor(User);

        var (response, page) = await browser.GetAnyAsync("/stores/999");
        var (route, _) = await browser.GetAnyAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not found", page.Heading());
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("application/problem+json", (await AsUser.GetAsync("/api/stores/999")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bootstrap_is_served_by_the_app_itself()
    {
        using var browser = await App.BrowserFor(User);
        var page = await browser.GetAsync("/");
        var stylesheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!).First(href => href.Contains("bootstrap", StringComparison.Ordinal));

        // Asked for the way browsers ask: compressed if possible.
        using var request = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        request.Headers.Add("Accept-Encoding", "gzip, deflate, br, zstd");
        using var response = await browser.Http.SendAsync(request);

        Assert.StartsWith("/", stylesheet, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(response.Content.Headers.ContentEncoding);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, "The stylesheet is empty");
    }

    [Fact]
    public async Task An_admin_creates_a_category_and_a_product_in_it()
    {
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/categories/new")).Form("/categories/new"), new() { ["Name"] = "Fruit" });
        Assert.Equal("Fruit", page.Heading());
        var productForm = await browser.GetAsync("/products/new");
        var categoryId = productForm.InputValue("input[name=Categories]");
        page = await browser.SubmitAndFollowAsync(productForm.Form("/products/new"), new() { ["Name"] = "Apple" }, [("Categories", categoryId)]);

        Assert.Equal("Apple", page.Heading());
        Assert.Contains("Fruit", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_without_a_category_is_refused_with_the_message_beside_the_field()
    {
        await Given.Category("Fruit").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/products/new")).Form("/products/new"), new() { ["Name"] = "Apple" });

        Assert.Equal("Choose at least one category.", page.FieldError("Categories"));
    }

    [Fact]
    public async Task A_duplicate_category_name_is_shown_on_the_form()
    {
        await Given.Category("Fruit").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/categories/new")).Form("/categories/new"), new() { ["Name"] = "Fruit" });

        Assert.Contains("already exists", page.FieldError("Name"), StringComparison.Ordinal);
    }
}
