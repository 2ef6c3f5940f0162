using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Caching;
using Overholt.Testing;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Pages;

/// <summary>
/// Each back-office page costs the same statements whatever the size of the catalogue behind it: no statement per row
/// shown, per product carried or per manager (read with nothing kept in the cache, as after a change). The one that may
/// come is a list's count, which a list shorter than its page does not need.
/// </summary>
public sealed class PageStatementTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Every_back_office_page_costs_the_same_statements_with_ten_times_the_data()
    {
        var category = await Given.Category("Fruit").SaveAsync();
        var store = await Given.Store("Corner").InState("CA").WithProducts(3).WithManager(User).SaveAsync();
        await Given.ProductsAsync(5, i => $"Apple {i}");
        using var browser = await App.BrowserFor(Admin);
        string[] pages =
        [
            "/stores?sort=state", "/stores?state=CA&sort=-name", $"/stores/{store.Id}", $"/stores/{store.Id}?product_search=apple&manager_search=user",
            $"/products?category={category.Id}", "/products?search=apple", "/users?sort=-last_sign_in", "/categories", "/",
        ];
        var before = await CountsAsync(browser, pages);

        for (var i = 0; i < 10; i++)
            await Given.Store($"Store {i}").InState("CA").WithProducts(10).WithManager(Admin).SaveAsync();
        await Given.ProductsAsync(50, i => $"Apple more {i}");
        for (var i = 0; i < 10; i++)
            await Given.User().SaveAsync();

        // The same statements, but for a count: a list that fit on one page had its count from its items, and now fills it.
        var after = await CountsAsync(browser, pages);
        Assert.All(pages, page => Assert.InRange(after[page], before[page], before[page] + ListsWithCounts(page)));
    }

    /// <summary>How many paged lists a page shows (the store page: its products and its managers; the dashboard none).</summary>
    private static int ListsWithCounts(string page) => page == "/" ? 0 : page.StartsWith("/stores/", StringComparison.Ordinal) ? 2 : 1;

    private async Task<Dictionary<string, int>> CountsAsync(PageClient browser, string[] pages)
    {
        await browser.GetAsync("/"); // the session's account state, read once
        var counts = new Dictionary<string, int>();
        foreach (var page in pages)
        {
            App.Services.GetRequiredService<IReadCache>().Invalidate();
            App.Statements.Reset();
            await browser.GetAsync(page);
            counts[page] = App.Statements.Count;
        }

        return counts;
    }
}
