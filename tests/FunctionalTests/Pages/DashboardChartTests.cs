using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Caching;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Pages;

/// <summary>The dashboard's charts: drawn on the server as SVG, each with a title, a description and its numbers as a table.</summary>
public sealed class DashboardChartTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task The_charts_show_stores_per_state_products_per_category_and_what_was_added_today()
    {
        foreach (var (name, state) in new[] { ("North", "OR"), ("South", "OR"), ("Harbor", "WA") })
            await (await AsAdmin.PostJsonAsync("/api/stores", new { name, address = "1 Main St", city = "Somewhere", state, zip_code = "97201" })).AssertOkJson(HttpStatusCode.Created);
        var fruit = await Given.Category("Fruit").SaveAsync();
        var drinks = await Given.Category("Drinks").SaveAsync();
        await Given.Product("Apple").InCategory(fruit).SaveAsync();
        await Given.Product("Pear").InCategory(fruit).SaveAsync();
        await Given.Product("Orange juice").InCategory(fruit).InCategory(drinks).SaveAsync();
        using var browser = await App.BrowserFor(User);

        var page = await browser.GetAsync("/");

        var states = page.QuerySelector("#states-heading")!.ParentElement!;
        Assert.Equal("Stores per state", states.QuerySelector("svg title")!.TextContent);
        Assert.Contains("OR (2)", states.QuerySelector("svg desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([("OR", "2"), ("WA", "1")], Rows(states));
        Assert.NotNull(states.QuerySelector("a[href='/stores?state=OR']"));

        var categories = page.QuerySelector("#categories-chart-heading")!.ParentElement!;
        Assert.Equal([("Fruit", "3"), ("Drinks", "1")], Rows(categories));

        var days = Rows(page.QuerySelector("#days-heading")!.ParentElement!);
        Assert.Equal(30, days.Count);
        Assert.Equal("8", days[^1].Value); // today: 3 stores, 2 categories, 3 products
        Assert.All(days.SkipLast(1), day => Assert.Equal("0", day.Value));
    }

    [Fact]
    public async Task The_dashboard_costs_the_same_statements_however_much_there_is()
    {
        await Given.Store().WithProducts(3).WithManager(User).SaveAsync();
        using var browser = await App.BrowserFor(User);
        await browser.GetAsync("/"); // the session's account state, read once
        var small = await UncachedStatementsAsync(browser);

        for (var i = 0; i < 5; i++)
            await Given.Store().WithProducts(10).WithManager(Admin).SaveAsync();

        Assert.Equal(small, await UncachedStatementsAsync(browser));
        Assert.InRange(small, 1, 15); // counts, the latest of each (split), managers' emails, and one per chart and kind
    }

    private async Task<int> UncachedStatementsAsync(PageClient browser)
    {
        App.Services.GetRequiredService<IReadCache>().Invalidate();
        App.Statements.Reset();
        await browser.GetAsync("/");
        return App.Statements.Count;
    }

    private static List<(string Label, string Value)> Rows(AngleSharp.Dom.IElement chart) =>
        [.. chart.QuerySelectorAll("table tbody tr").Select(row => (row.Children[0].TextContent.Trim(), row.Children[1].TextContent.Trim()))];
}
