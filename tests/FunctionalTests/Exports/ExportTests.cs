using System.Globalization;
using System.Net;
using System.Text;
using Overholt.Application.Exports;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Exports;

/// <summary>
/// The CSV exports of products and stores: the list's rows for the same search, filters and sort, every one of them, in
/// the columns import reads; formulas neutralised; read in batches whose statements do not grow with their rows.
/// </summary>
public sealed class ExportTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private const int Batch = CsvExport.BatchSize;

    [Fact]
    public async Task Products_export_has_a_header_then_the_lists_rows_for_the_same_category_search_and_sort()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        var green = await Given.Category("Green").SaveAsync();
        var apple = await Given.Product("Apple").InCategory(green).InCategory(fruit).SaveAsync();
        var banana = await Given.Product("Banana").InCategory(fruit).SaveAsync();
        await Given.Product("Axe").SaveAsync();

        var rows = await (await AsUser.GetAsync($"/api/products/export?category={fruit.Id}&sort=-name")).AssertCsv("products.csv");

        Assert.Equal(["id", "name", "categories"], rows[0]);
        Assert.Equal([[Id(banana.Id), "Banana", "Fruit"], [Id(apple.Id), "Apple", "Fruit|Green"]], rows.Skip(1));
        rows = await (await AsUser.GetAsync($"/api/products/export?category={fruit.Id}&search=AN")).AssertCsv("products.csv");
        Assert.Equal([Id(banana.Id)], rows.Skip(1).Select(row => row[0]));
    }

    [Fact]
    public async Task Stores_export_has_every_column_import_reads_and_honours_the_lists_filters()
    {
        var apple = await Given.Product("Apple").SaveAsync();
        var pear = await Given.Product("Pear").SaveAsync();
        var manager = await Given.User().SaveAsync();
        var wanted1 = await Given.Store("Corner shop").InCity("Salem").InState("OR").WithProduct(apple).WithProduct(pear).WithManager(manager).WithManager(User).SaveAsync();
        var wanted2 = await Given.Store("Big shop").InCity("Salem").InState("OR").WithProduct(apple).WithManager(manager).SaveAsync();
        await Given.Store("Other shop").InCity("Salem").InState("OR").WithProduct(apple).SaveAsync(); // not managed by them
        await Given.Store("Corner shop").InCity("Salem").InState("MA").WithProduct(apple).WithManager(manager).SaveAsync(); // another state
        await Given.Store("Corner shop").InCity("Eugene").InState("OR").WithManager(manager).SaveAsync(); // another city, no apples

        var rows = await (await AsUser.GetAsync($"/api/stores/export?state=or&city=SALEM&product={apple.Id}&manager={manager.Id}&search=shop&sort=-name"))
            .AssertCsv("stores.csv");

        Assert.Equal(["id", "name", "address", "city", "state", "zip_code", "products", "managers"], rows[0]);
        var managers = string.Join('|', new[] { manager, User }.OrderBy(user => user.Id).Select(user => user.Email));
        Assert.Equal(
            [
                [Id(wanted1.Id), "Corner shop", "1 Main St", "Salem", "OR", "97201", "Apple|Pear", managers],
                [Id(wanted2.Id), "Big shop", "1 Main St", "Salem", "OR", "97201", "Apple", manager.Email],
            ],
            rows.Skip(1));
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_prefixed_with_a_quote()
    {
        var formulas = await Given.Category("=1+1").SaveAsync();
        foreach (var name in new[] { "=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(1)", "Plain - not a formula" })
            await Given.Product(name).InCategory(formulas).SaveAsync();

        var response = await AsUser.GetAsync("/api/products/export?sort=name");
        var raw = await response.Content.ReadAsStringAsync();
        var rows = CsvResponses.Parse(Encoding.UTF8.GetBytes(raw));

        Assert.Equal(["'+1", "'-2", "'=HYPERLINK(\"http://evil\")", "'@SUM(1)", "Plain - not a formula"], rows.Skip(1).Select(row => row[1]));
        Assert.All(rows.Skip(1), row => Assert.Equal("'=1+1", row[2]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", raw, StringComparison.Ordinal); // quoted as well, its quotes doubled
    }

    [Fact]
    public async Task A_name_with_a_comma_a_quote_and_a_line_break_reads_back_as_it_was()
    {
        const string Awkward = "Big, \"bold\"\nand new";
        var product = await Given.Product(Awkward).SaveAsync();
        var store = await Given.Store(Awkward).WithProduct(product).SaveAsync();

        var products = await (await AsUser.GetAsync("/api/products/export")).AssertCsv("products.csv");
        var stores = await (await AsUser.GetAsync("/api/stores/export")).AssertCsv("stores.csv");

        Assert.Equal([Id(product.Id), Awkward], products[1][..2]);
        Assert.Equal([Id(store.Id), Awkward], stores[1][..2]);
        Assert.Equal(Awkward, stores[1][6]);
    }

    [Fact]
    public async Task Exports_need_a_signed_in_user_and_refuse_what_the_list_refuses()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/products/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/stores/export")).StatusCode);
        var page = await App.Browser().Http.GetAsync("/products/export");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login?ReturnUrl=%2Fproducts%2Fexport", page.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);

        await (await AsUser.GetAsync("/api/products/export?sort=price")).AssertProblem(400, "sort");
        await (await AsUser.GetAsync("/api/stores/export?manager=0")).AssertProblem(400, "manager");
    }

    [Fact]
    public async Task The_list_pages_Export_CSV_button_downloads_the_list_with_its_search_filters_and_sort()
    {
        var cheap = await Given.Store("Cheap shop").InState("WA").SaveAsync();
        var best = await Given.Store("Best shop").InState("WA").SaveAsync();
        await Given.Store("Cheap shop").InState("OR").SaveAsync();
        using var browser = await App.BrowserFor(User);

        var list = await browser.GetAsync("/stores?search=shop&state=WA&sort=-name&page=1");
        var button = list.QuerySelectorAll("a").Single(link => link.TextContent.Trim() == "Export CSV");
        Assert.Equal("/stores/export?search=shop&state=WA&sort=-name", button.GetAttribute("href"));
        var rows = await (await browser.Http.GetAsync(button.GetAttribute("href"))).AssertCsv("stores.csv");

        Assert.Equal([Id(cheap.Id), Id(best.Id)], rows.Skip(1).Select(row => row[0]));
        var products = await browser.GetAsync("/products?search=x");
        Assert.Equal("/products/export?search=x", products.QuerySelectorAll("a").Single(link => link.TextContent.Trim() == "Export CSV").GetAttribute("href"));
    }

    [Fact]
    public async Task Reading_batch_after_batch_costs_the_same_statements_per_batch_not_per_row()
    {
        await Given.ProductsAsync(Batch / 2, number => $"Product {number % 7}");
        var manager = await Given.User().SaveAsync();
        var products = await Given.ProductsAsync(2, number => $"Carried {number}");
        await Given.StoresAsync(Batch / 2, number => $"Store {number % 7}", products: products, managers: [manager, User]);
        await AsUser.GetAsync("/api/products?page_size=1"); // sign-in and the account's state, once

        var productStatements = new List<int>();
        var storeStatements = new List<int>();
        for (var batches = 1; batches <= 3; batches++)
        {
            productStatements.Add(await CountStatements("/api/products/export", "products.csv", expectedRows: (batches * Batch) - (Batch / 2) + 2));
            storeStatements.Add(await CountStatements("/api/stores/export?sort=-name", "stores.csv", expectedRows: (batches * Batch) - (Batch / 2)));
            await Given.ProductsAsync(Batch, number => $"Product {number % 7}");
            await Given.StoresAsync(Batch, number => $"Store {number % 7}", products: products, managers: [manager]);
        }

        // Products 3 a batch (its rows, their ids' projection, their categories), stores 5 (and carried products, managers,
        // their emails); nothing else, and never a statement per row.
        foreach (var statements in new[] { productStatements, storeStatements })
        {
            var perBatch = statements[0];
            Assert.InRange(perBatch, 1, 6);
            Assert.Equal([perBatch, 2 * perBatch, 3 * perBatch], statements);
        }
    }

    [Fact]
    public async Task A_long_export_has_every_row_once_in_the_lists_order_across_batches_with_equal_keys()
    {
        // Few distinct names, so that batches end in the middle of equal keys and only the id tells the rows apart.
        var products = await Given.ProductsAsync((2 * Batch) + 500, number => $"Product {number % 5}");
        await Given.StoresAsync((2 * Batch) + 500, number => $"Store {number % 3}", state: number => number % 2 == 0 ? "WA" : "OR");

        var productRows = await (await AsUser.GetAsync("/api/products/export?sort=-name")).AssertCsv("products.csv");
        var storeRows = await (await AsUser.GetAsync("/api/stores/export?sort=state,-name")).AssertCsv("stores.csv");

        var expectedProducts = products.OrderByDescending(product => product.Name, StringComparer.Ordinal).ThenBy(product => product.Id).Select(product => Id(product.Id));
        Assert.Equal(expectedProducts, productRows.Skip(1).Select(row => row[0]));
        var storeOrder = storeRows.Skip(1).Select(row => (State: row[4], Name: row[1], Id: int.Parse(row[0], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal((2 * Batch) + 500, storeOrder.Select(store => store.Id).Distinct().Count());
        Assert.Equal(
            storeOrder.OrderBy(store => store.State, StringComparer.Ordinal).ThenByDescending(store => store.Name, StringComparer.Ordinal).ThenBy(store => store.Id),
            storeOrder);
    }

    private async Task<int> CountStatements(string url, string fileName, int expectedRows)
    {
        App.Statements.Reset();
        var rows = await (await AsUser.GetAsync(url)).AssertCsv(fileName);
        Assert.Equal(expectedRows, rows.Count - 1);
        return App.Statements.Count;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
