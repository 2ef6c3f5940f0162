using Deque.AxeCore.Playwright;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.BrowserTests;

/// <summary>axe-core finds no violations on any page, signed out and signed in as an admin, with data on every page.</summary>
public sealed class AccessibilityTests : IAsyncLifetime
{
    private ChromiumApp _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await ChromiumApp.StartAsync(TestDatabase.CreateSqlite());

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task Every_page_passes_axe()
    {
        var app = _chromium.App;
        var category = await app.Given.Category("Fruit").SaveAsync();
        var product = await app.Given.Product("Apple").InCategory(category).SaveAsync();
        var store = await app.Given.Store("Corner shop").WithProduct(product).WithManager(app.User).SaveAsync();
        await app.Given.Product("Pear").InCategory(category).SaveAsync();

        // No worker here: the import stays queued, its status page with bars that have no maximum yet.
        using var upload = new MultipartFormDataContent { { new StringContent("products"), "kind" }, { new ByteArrayContent("name,categories\nKiwi,Fruit\n"u8.ToArray()), "file", "fruit.csv" } };
        var import = (await (await app.AsAdmin.PostAsync("/api/imports", upload)).AssertOkJson(System.Net.HttpStatusCode.Accepted)).GetProperty("id").GetString();

        var anonymous = await _chromium.OpenPageAsync();
        var violations = new List<string>();
        foreach (var path in new[] { "/login", "/forgot-password", "/reset-password?email=nobody%40example.com&code=x" })
            violations.AddRange(await ViolationsAsync(anonymous, path));

        var admin = await _chromium.SignedInPageAsync(app.Admin);
        string[] pages =
        [
            "/", "/stores", "/stores/new", $"/stores/{store.Id}", $"/stores/{store.Id}/edit", $"/stores/{store.Id}/delete",
            "/products", "/products/new", $"/products/{product.Id}", $"/products/{product.Id}/edit", $"/products/{product.Id}/delete",
            "/categories", "/categories/new", $"/categories/{category.Id}", $"/categories/{category.Id}/edit", $"/categories/{category.Id}/delete",
            "/users", "/users/new", $"/users/{app.User.Id}", $"/users/{app.User.Id}/delete", "/account/password",
            "/history", $"/history?action=store.created&resource_type=store&resource_id={store.Id}", $"/stores/{store.Id}/history",
            $"/products/{product.Id}/history", $"/categories/{category.Id}/history", $"/users/{app.User.Id}/history",
            "/imports", $"/imports/{import}",
            "/stores?search=corner", "/does-not-exist",
        ];
        foreach (var path in pages)
            violations.AddRange(await ViolationsAsync(admin, path));

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(Microsoft.Playwright.IPage page, string path)
    {
        await page.GotoAsync(path);
        var results = await page.RunAxe();
        return results.Violations.Select(violation =>
            $"{path}: {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(", ", violation.Nodes.Select(node => node.Html).Take(3))}");
    }
}
