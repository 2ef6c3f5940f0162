using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Overholt.Application.Caching;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Performance;

/// <summary>
/// Catalogue reads are kept in each node's memory and dropped whenever the catalogue changes, whoever changes it:
/// this node (at once), another node or anything else writing to the database (when PostgreSQL's notification
/// arrives). A node that stops hearing the notifications stops answering from memory.
/// </summary>
public sealed class CatalogueCacheTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    /// <summary>Notifications arrive in milliseconds; the margin is for a loaded test machine.</summary>
    private static readonly TimeSpan Heard = TimeSpan.FromSeconds(5);

    private IReadCache Cache => App.Services.GetRequiredService<IReadCache>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Eventually(() => Task.FromResult(Cache.IsServing), "the cache never started serving");
    }

    [Fact]
    public async Task A_product_read_again_costs_no_statement_and_a_change_made_on_this_node_shows_at_once()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));

        var category = await Given.Category().SaveAsync();
        await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { name = "Teapot", categories = new[] { category.Id } })).AssertOkJson();
        Assert.Equal("Teapot", await ProductName(AsUser, product.Id));
    }

    [Fact]
    public async Task A_store_page_shows_a_product_renamed_and_a_store_added_on_this_node_at_once()
    {
        await Given.Store("Corner").WithProducts(1).SaveAsync();
        var before = await (await AsUser.GetAsync("/api/stores")).AssertOkList();
        var productId = before.GetProperty("data")[0].GetProperty("products")[0].GetProperty("id").GetInt32();
        await (await AsUser.GetAsync("/api/stores")).AssertOkList(); // kept

        await (await AsAdmin.PutJsonAsync($"/api/products/{productId}", new { name = "Renamed" })).AssertOkJson();
        await (await AsAdmin.PostJsonAsync("/api/stores", new { name = "Second", address = "2 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(System.Net.HttpStatusCode.Created);

        var after = await (await AsUser.GetAsync("/api/stores")).AssertOkList();
        Assert.Equal(2, after.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Contains(after.GetProperty("data").EnumerateArray(), store => store.GetProperty("products").EnumerateArray()
            .Any(carried => carried.GetProperty("name").GetString() == "Renamed"));
    }

    [Fact]
    public async Task A_change_made_on_another_node_reaches_this_node()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = otherNode.CreateClient();
        onOtherNode.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, Admin.Email, Admin.Password));
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));

        await (await onOtherNode.PutJsonAsync($"/api/products/{product.Id}", new { name = "Teapot" })).AssertOkJson();

        await Eventually(async () => await ProductName(AsUser, product.Id) == "Teapot", "this node still answers the old name");
    }

    [Fact]
    public async Task A_manager_email_changed_outside_the_app_reaches_the_stores_it_manages()
    {
        var manager = await Given.User("before@example.com").SaveAsync();
        var store = await Given.Store().WithManager(manager).SaveAsync();
        await AssertKept(async () => Assert.Equal("before@example.com", await ManagerEmail(store.Id)));

        await ExecuteSqlAsync($"UPDATE users SET email = 'after@example.com', normalized_email = 'AFTER@EXAMPLE.COM' WHERE id = {manager.Id}");

        await Eventually(async () => await ManagerEmail(store.Id) == "after@example.com", "the store still shows the old email");
    }

    [Fact]
    public async Task A_node_that_stops_hearing_changes_reads_the_database_until_it_hears_them_again()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        Assert.Equal("Kettle", await ProductName(AsUser, product.Id));

        await ExecuteSqlAsync(KillTheFeed);
        await Eventually(() => Task.FromResult(!Cache.IsServing), "the cache went on serving without its notifications");
        await ExecuteSqlAsync($"UPDATE products SET name = 'Teapot' WHERE id = {product.Id}");
        Assert.Equal("Teapot", await ProductName(AsUser, product.Id));

        await Eventually(() => Task.FromResult(Cache.IsServing), "the cache did not listen again");
        Assert.Equal("Healthy", await Anonymous.GetStringAsync("/health"));
        await AssertKept(async () => Assert.Equal("Teapot", await ProductName(AsUser, product.Id)));
    }

    [Fact]
    public async Task A_node_does_not_serve_from_memory_while_the_notification_triggers_are_missing()
    {
        await ExecuteSqlAsync("DROP TRIGGER catalogue_changed ON products");
        try
        {
            await ExecuteSqlAsync(KillTheFeed);
            await Eventually(() => Task.FromResult(!Cache.IsServing), "the cache went on serving");
            await Task.Delay(TimeSpan.FromSeconds(2.5)); // past the feed's retry delay: it tried again and still refuses

            Assert.False(Cache.IsServing);
            Assert.Equal("Degraded", await Anonymous.GetStringAsync("/health"));
        }
        finally
        {
            await ExecuteSqlAsync("CREATE TRIGGER catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed()");
        }

        await Eventually(() => Task.FromResult(Cache.IsServing), "the cache did not listen again once the triggers were back");
    }

    [Fact]
    public async Task The_cache_can_be_turned_off_for_a_proxy_that_does_not_deliver_notifications()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await using var node = new OverholtApp(App.Database, new Dictionary<string, string?> { ["Database:CatalogueCache"] = "false" });
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, User.Email, User.Password));
        Assert.Equal("Kettle", await ProductName(client, product.Id));

        node.Statements.Reset();
        Assert.Equal("Kettle", await ProductName(client, product.Id));

        Assert.Equal(1, node.Statements.Count);
        Assert.False(node.Services.GetRequiredService<IReadCache>().IsServing);
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Searches_are_always_read_from_the_database()
    {
        await Given.Product("Kettle").SaveAsync();
        await (await AsUser.GetAsync("/api/products?search=kett")).AssertOkList();

        App.Statements.Reset();
        var found = await (await AsUser.GetAsync("/api/products?search=kett")).AssertOkList();

        Assert.Equal(1, found.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.True(App.Statements.Count > 0);
    }

    [Theory]
    [InlineData("/products")]
    [InlineData("/categories")]
    [InlineData("/stores")]
    [InlineData("/products/new")] // the form's category choices
    public async Task The_admin_pages_lists_and_the_product_forms_choices_are_kept(string page)
    {
        await Given.Store().WithProducts(2).SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        await Eventually(async () =>
        {
            await browser.GetAsync(page);
            App.Statements.Reset();
            await browser.GetAsync(page);
            return !App.Statements.Sent.Any(statement => CatalogueTables.Any(table => statement.Sql.Contains($"FROM {table} ", StringComparison.Ordinal)));
        }, $"{page} read again still read the catalogue");
    }

    private static readonly string[] CatalogueTables = ["products", "categories", "stores"];

    private const string KillTheFeed =
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'overholt-catalogue-feed' AND datname = current_database()";

    /// <summary>
    /// The answer is kept: read again, it costs no statement. Notifications of the test's own setup may still be on
    /// their way and drop it once more, so this reads until one read again costs nothing.
    /// </summary>
    private async Task AssertKept(Func<Task> read)
    {
        await Eventually(async () =>
        {
            await read();
            App.Statements.Reset();
            await read();
            return App.Statements.Count == 0;
        }, "reading it again still cost statements");
    }

    private static async Task<string?> ProductName(HttpClient client, int id) =>
        (await (await client.GetAsync($"/api/products/{id}")).AssertOkJson()).GetProperty("name").GetString();

    private async Task<string?> ManagerEmail(int storeId) =>
        (await (await AsUser.GetAsync($"/api/stores/{storeId}")).AssertOkJson()).GetProperty("managers")[0].GetProperty("email").GetString();

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Eventually(Func<Task<bool>> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Heard, $"After {Heard.TotalSeconds} s {failure}");
            await Task.Delay(10);
        }
    }
}
