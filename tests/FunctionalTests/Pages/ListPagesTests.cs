using Overholt.Testing;

namespace Overholt.FunctionalTests.Pages;

/// <summary>The list pages sort by their column headers, filter through their forms, and page through a window of links that keep both.</summary>
public sealed class ListPagesTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_column_header_sorts_the_stores_and_says_so_and_the_filters_narrow_them()
    {
        await Given.Store("Alpha").InCity("Salem").InState("OR").SaveAsync();
        await Given.Store("Beta").InCity("Austin").InState("TX").SaveAsync();
        await Given.Store("Gamma").InCity("Eugene").InState("OR").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.GetAsync("/stores");
        Assert.Equal("ascending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal(["Alpha", "Beta", "Gamma"], Names(page));

        var byCity = page.QuerySelectorAll("th a").First(link => link.TextContent.StartsWith("City", StringComparison.Ordinal)).GetAttribute("href")!;
        page = await browser.GetAsync("/stores" + byCity);
        Assert.Equal(["Beta", "Gamma", "Alpha"], Names(page));
        var sorted = Assert.Single(page.QuerySelectorAll("th[aria-sort]"));
        Assert.StartsWith("City", sorted.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("ascending", sorted.GetAttribute("aria-sort"));

        page = await browser.GetAsync("/stores" + sorted.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("descending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal(["Alpha", "Gamma", "Beta"], Names(page));

        page = await browser.GetAsync("/stores?state=OR&sort=-city");
        Assert.Equal(["Alpha", "Gamma"], Names(page));
        Assert.Equal("OR", page.QuerySelector("#state option[selected]")!.GetAttribute("value"));
        Assert.Equal("-city", page.QuerySelector("form[role=search] input[name=sort]")!.GetAttribute("value")); // a new search keeps the order
        page = await browser.GetAsync("/stores?city=austin");
        Assert.Equal(["Beta"], Names(page));
    }

    [Fact]
    public async Task The_products_page_filters_by_category()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        await Given.Product("Pear").InCategory(fruit).SaveAsync();
        await Given.Product("Apple").InCategory(fruit).SaveAsync();
        await Given.Product("Axe").SaveAsync();
        using var browser = await App.BrowserFor(User);

        var page = await browser.GetAsync($"/products?category={fruit.Id}&sort=-name");

        Assert.Equal(["Pear", "Apple"], Names(page));
        Assert.Equal("Fruit", page.QuerySelector("#category option[selected]")!.TextContent);
    }

    [Fact]
    public async Task The_pager_shows_a_window_not_every_page_and_its_links_keep_the_search_filter_and_order()
    {
        await Given.ProductsAsync(30 * Application.Paging.IPagedRequest.AdminListPageSize, number => $"Item {number:D4}");
        var other = await Given.Category("Other").SaveAsync();
        await Given.Product("Item elsewhere").InCategory(other).SaveAsync();
        using var browser = await App.BrowserFor(User);

        var page = await browser.GetAsync("/products?search=item&sort=-name&page=15");
        var numbers = page.QuerySelectorAll(".pagination a.page-link").Select(link => link.TextContent.Trim()).ToList();

        Assert.Equal(["Previous", "1", "13", "14", "15", "16", "17", "31", "Next"], numbers);
        Assert.Equal("page", page.QuerySelector(".pagination a[aria-current]")!.GetAttribute("aria-current"));
        var last = page.QuerySelectorAll(".pagination a.page-link").Single(link => link.TextContent.Trim() == "31").GetAttribute("href")!;
        Assert.Contains("search=item", last, StringComparison.Ordinal);
        Assert.Contains("sort=-name", last, StringComparison.Ordinal);
        page = await browser.GetAsync("/products" + last);
        Assert.Equal(["Item 0001"], Names(page)); // the last page of the descending order; "Item elsewhere" sorts first
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child a").Select(link => link.TextContent).ToList();
}
