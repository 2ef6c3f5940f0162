using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Caching;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Performance;

/// <summary>
/// The SQL each hot route costs is fixed: lists the same whatever the page size (no N+1, no lazy loading; a last page
/// that is not full spares the count), a product
/// read one statement with nothing for authentication once the account is known, a new store one command with its insert and its history entry.
/// </summary>
public sealed class StatementCountTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private IReadCache Cache => App.Services.GetRequiredService<IReadCache>();

    [Fact]
    public async Task Listing_stores_runs_the_same_statements_whatever_the_page_size()
    {
        var manager = await Given.User().SaveAsync();
        for (var i = 0; i < 12; i++)
            await Given.Store().WithProducts(2).WithManager(manager).WithManager(User).SaveAsync();
        await (await AsUser.GetAsync("/api/stores?page_size=1")).AssertOkList(); // warm up: sign-in and first-query costs

        var small = await CountStatements("/api/stores?page_size=5", expectedItems: 5);
        var large = await CountStatements("/api/stores?page_size=200", expectedItems: 12);

        Assert.Equal(small - 1, large); // the last page is not full: its items are the count
        Assert.InRange(small, 1, 6);
    }

    [Fact]
    public async Task A_sorted_and_filtered_store_list_runs_the_same_statements_whatever_the_page_size()
    {
        var product = await Given.Product().SaveAsync();
        for (var i = 0; i < 12; i++)
            await Given.Store().InState("WA").WithProduct(product).WithProducts(1).WithManager(User).SaveAsync();
        var filter = $"state=wa&product={product.Id}&manager={User.Id}&search=store&sort=-state,city,-name";
        await (await AsUser.GetAsync($"/api/stores?{filter}&page_size=1")).AssertOkList();

        var small = await CountStatements($"/api/stores?{filter}&page_size=5", expectedItems: 5);
        var large = await CountStatements($"/api/stores?{filter}&page_size=200", expectedItems: 12);

        Assert.Equal(small - 1, large); // the last page is not full: its items are the count
        Assert.InRange(small, 1, 6);
    }

    [Theory]
    [InlineData("/api/products?sort=-name")]
    [InlineData("/api/products")]
    [InlineData("/api/categories")]
    public async Task Other_lists_do_not_grow_with_the_page_either(string url)
    {
        for (var i = 0; i < 8; i++)
            await Given.Store().WithProducts(1).SaveAsync();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        await (await AsUser.GetAsync($"{url}{separator}page_size=1")).AssertOkList();

        Assert.Equal(await CountStatements($"{url}{separator}page_size=2", expectedItems: 2) - 1, await CountStatements($"{url}{separator}page_size=200", expectedItems: 8));
    }

    [Fact]
    public async Task The_dashboard_reads_its_stores_managers_emails_in_one_query_however_many_stores_have_managers()
    {
        await Given.Store().WithManager(await Given.User().SaveAsync()).SaveAsync();
        using var browser = await App.BrowserFor(User);
        await browser.GetAsync("/"); // warm up: the session's account state and first-query costs

        // Read with nothing kept, as after a change: the dashboard is a catalogue answer the cache keeps.
        Cache.Invalidate();
        App.Statements.Reset();
        await browser.GetAsync("/");
        var oneManagedStore = App.Statements.Count;
        for (var i = 0; i < 4; i++)
            await Given.Store().WithManager(await Given.User().SaveAsync()).WithManager(User).SaveAsync();
        Cache.Invalidate();
        App.Statements.Reset();
        var page = await browser.GetAsync("/");

        Assert.Equal(oneManagedStore, App.Statements.Count);
        Assert.Equal(4, page.QuerySelectorAll("section[aria-labelledby=stores-heading] li").Count(store => store.TextContent.Contains(User.Email, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reading_a_product_is_one_statement_and_none_for_authentication()
    {
        var product = await Given.Product().SaveAsync();
        var other = await Given.Product().SaveAsync();
        await (await AsUser.GetAsync($"/api/products/{other.Id}")).AssertOkJson(); // sign-in and the account's state, once

        App.Statements.Reset(); // the product is not in the catalogue cache yet (CatalogueCacheTests: read again, it costs none)
        await (await AsUser.GetAsync($"/api/products/{product.Id}")).AssertOkJson();

        Assert.Equal(1, App.Statements.Count);
    }

    /// <summary>
    /// The store's id comes from the app (hi-lo), so its history entry names it in the same batch: one command, which
    /// PostgreSQL runs as one implicit transaction, and nothing read back.
    /// </summary>
    [Fact]
    public async Task Creating_a_store_is_one_command_holding_its_insert_and_its_history_entry()
    {
        await (await AsAdmin.GetAsync("/api/stores")).AssertOkList(); // sign-in and the account's state, once

        App.Statements.Reset();
        var store = await (await AsAdmin.PostJsonAsync("/api/stores", new { name = "Corner", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(System.Net.HttpStatusCode.Created);

        var sent = App.Statements.Sent.Where(statement => !IsNextBlockOfIds(statement)).Select(statement => statement.Sql).ToList();
        var command = Assert.Single(sent);
        Assert.StartsWith("INSERT INTO stores", command, StringComparison.Ordinal);
        Assert.Contains(";\nINSERT INTO change_history", command, StringComparison.Ordinal);
        Assert.DoesNotContain("RETURNING", command, StringComparison.Ordinal);
        Assert.Equal("Corner", store.GetProperty("name").GetString());
        Assert.Equal(0, store.GetProperty("products").GetArrayLength());
    }

    [Fact]
    public async Task Ids_for_new_stores_are_taken_from_the_sequence_a_block_at_a_time()
    {
        await (await AsAdmin.GetAsync("/api/stores")).AssertOkList();
        const int Stores = Infrastructure.Persistence.PostgresOverholtDbContext.KeyBlockSize * 3;

        App.Statements.Reset();
        var ids = new List<int>();
        for (var i = 0; i < Stores; i++)
        {
            var store = await (await AsAdmin.PostJsonAsync("/api/stores", new { name = $"Store {i}", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
                .AssertOkJson(System.Net.HttpStatusCode.Created);
            ids.Add(store.GetProperty("id").GetInt32());
        }

        Assert.InRange(App.Statements.Sent.Count(IsNextBlockOfIds), 3, 4);
        Assert.Equal(Stores, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids); // one node's ids grow with its creations
    }

    private static bool IsNextBlockOfIds(SentStatement statement) => statement.Sql.Contains("nextval(", StringComparison.Ordinal);

    private async Task<int> CountStatements(string url, int expectedItems)
    {
        App.Statements.Reset();
        var body = await (await AsUser.GetAsync(url)).AssertOkList();
        Assert.Equal(expectedItems, body.GetProperty("data").GetArrayLength());
        return App.Statements.Count;
    }
}
