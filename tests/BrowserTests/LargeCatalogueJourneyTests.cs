using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.BrowserTests;

/// <summary>
/// The back office on the large sample catalogue (100,000 products, 5,000 stores, 300 users, on the embedded default):
/// the store page's pickers reach the product that sorts last and a user found by part of an email, and the lists
/// sort, filter and page to their end. axe checks each page on the way.
/// </summary>
public sealed class LargeCatalogueJourneyTests : IAsyncLifetime
{
    private ChromiumApp _chromium = null!;

    private OverholtApp App => _chromium.App;

    public async ValueTask InitializeAsync()
    {
        _chromium = await ChromiumApp.StartAsync(TestDatabase.CreateSqlite());
        var seeded = await ManagementCommand.RunAsync("Production", App.Database.Provider, App.Database.ConnectionString, null, "db", "seed", "--sample", "--size", "large");
        Assert.True(seeded.Exit == 0, seeded.Error);
    }

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_the_last_product_and_a_searched_manager_then_sorts_filters_and_pages_the_lists()
    {
        var (storeId, lastProduct) = await InScope(async db => (
            await db.Stores.OrderBy(store => store.Id).Select(store => store.Id).FirstAsync(),
            await db.Products.OrderByDescending(product => product.Name).Select(product => product.Name).FirstAsync()));
        var page = await _chromium.SignedInPageAsync(App.Admin);
        var violations = new List<string>();

        await page.GotoAsync($"/stores/{storeId}");
        await page.GetByLabel("Product name contains").FillAsync(lastProduct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find products" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Button, new() { Name = $"Add {lastProduct}" });
        await Assertions.Expect(add).ToBeVisibleAsync(); // the found page has loaded before axe reads it
        await AxeAsync(page, violations);
        await add.ClickAsync();
        await Assertions.Expect(page.Locator("#store-products")).ToContainTextAsync(lastProduct);

        await page.GetByLabel("Email contains").FillAsync("user299");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find users" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add sample.user299@overholt.example" }).ClickAsync();
        await Assertions.Expect(page.Locator("#store-managers")).ToContainTextAsync("sample.user299@overholt.example");

        await page.GotoAsync("/stores");
        await page.GetByRole(AriaRole.Link, new() { Name = "State" }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("State");
        await Assertions.Expect(page.Locator("tbody tr").First.Locator("td").Nth(2)).ToHaveTextAsync("AK");
        await page.GetByLabel("State").SelectOptionAsync("CA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("state=CA", StringComparison.Ordinal)); // not the sorted page still showing
        Assert.All(await page.Locator("tbody tr td:nth-child(3)").AllTextContentsAsync(), state => Assert.Equal("CA", state.Trim()));
        await AxeAsync(page, violations);

        await page.GotoAsync("/products");
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Fruit" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("category=", StringComparison.Ordinal)); // the filtered pager, not the whole list's
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        var last = pager.GetByRole(AriaRole.Link).Nth(-2); // the last page's number, before "Next"
        var lastNumber = (await last.TextContentAsync())!.Trim();
        await last.ClickAsync();
        await Assertions.Expect(pager.Locator("[aria-current=page]")).ToHaveTextAsync(lastNumber);
        Assert.Contains("category=", page.Url, StringComparison.Ordinal);
        Assert.True(int.Parse(lastNumber, System.Globalization.CultureInfo.InvariantCulture) > 100, $"only {lastNumber} pages of Fruit");
        await AxeAsync(page, violations);

        await page.GotoAsync("/users?sort=-last_sign_in");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync(App.Admin.Email);
        await AxeAsync(page, violations);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumApp.Screenshot("users-large.png"), FullPage = true });

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private static async Task AxeAsync(IPage page, List<string> violations)
    {
        var results = await page.RunAxe();
        violations.AddRange(results.Violations.Select(violation => $"{page.Url}: {violation.Id} {violation.Help}: {string.Join(", ", violation.Nodes.Select(node => node.Html).Take(3))}"));
    }

    private async Task<T> InScope<T>(Func<OverholtDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OverholtDbContext>());
    }
}
