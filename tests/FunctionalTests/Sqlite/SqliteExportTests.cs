using System.Globalization;
using Overholt.Application.Exports;
using Overholt.FunctionalTests.Exports;
using Overholt.Testing;

namespace Overholt.FunctionalTests.Sqlite;

/// <summary>The exports on the embedded default: SQLite compares the keyset's strings as it orders them, and reads the batches' ids as PostgreSQL does.</summary>
public sealed class SqliteExportTests(SqliteApp sqlite) : ApiTest(sqlite.App), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_sorted_export_longer_than_a_batch_has_every_row_once_in_the_lists_order()
    {
        var count = CsvExport.BatchSize + 300;
        var products = await Given.ProductsAsync(count, number => $"Product {number % 5}");
        await Given.StoresAsync(count, number => $"Store {number % 3}", state: number => number % 2 == 0 ? "WA" : "OR", products: products.Take(2).ToList(), managers: [User]);

        var productRows = await (await AsUser.GetAsync("/api/products/export?sort=-name&search=product")).AssertCsv("products.csv");
        var storeRows = await (await AsUser.GetAsync("/api/stores/export?sort=state,-name")).AssertCsv("stores.csv");

        Assert.Equal(
            products.OrderByDescending(product => product.Name, StringComparer.Ordinal).ThenBy(product => product.Id).Select(product => product.Id.ToString(CultureInfo.InvariantCulture)),
            productRows.Skip(1).Select(row => row[0]));
        var stores = storeRows.Skip(1).Select(row => (State: row[4], Name: row[1], Id: int.Parse(row[0], CultureInfo.InvariantCulture), Managers: row[7])).ToList();
        Assert.Equal(count, stores.Select(store => store.Id).Distinct().Count());
        Assert.Equal(stores.OrderBy(store => store.State, StringComparer.Ordinal).ThenByDescending(store => store.Name, StringComparer.Ordinal).ThenBy(store => store.Id), stores);
        Assert.All(stores, store => Assert.Equal(User.Email, store.Managers));
    }
}
