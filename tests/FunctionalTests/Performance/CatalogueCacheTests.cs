using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Caching;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Performance;

/// <summary>
/// Catalogue reads are kept in each node's memory and dropped whenever the catalogue changes, whoever changes it:
/// this node (at once), another node or anything else writing to the database (when PostgreSQL's notification
/// arrives). A node that stops hearing the notifications, or cannot show that it hears them all, stops answering
/// from memory within the documented bounds (the test kit's <c>Cache:</c> settings: a heartbeat every 0.2 s, stale
/// after 2 s).
/// </summary>
public sealed class CatalogueCacheTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    /// <summary>Notifications arrive in milliseconds; the margin is for a loaded test machine.</summary>
    private static readonly TimeSpan Heard = TimeSpan.FromSeconds(5);

    /// <summary>What a bound is given on top, for a loaded test machine.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    private readonly bool _clusterIsOurs = postgres.Server.IsThrowaway;

    private IReadCache Cache => App.Services.GetRequiredService<IReadCache>();

    private CacheOptions Settings => App.Services.GetRequiredService<IOptions<CacheOptions>>().Value;

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
    public async Task A_store_created_on_another_node_shows_in_this_nodes_store_list_and_leaves_its_product_and_category_answers_kept()
    {
        var category = await Given.Category("Kitchen").SaveAsync();
        var product = await Given.Product("Kettle").InCategory(category).SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = await SignedIn(otherNode, Admin);
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));
        await AssertKept(async () => await (await AsUser.GetAsync("/api/products")).AssertOkList());
        await AssertKept(async () => await (await AsUser.GetAsync("/api/categories")).AssertOkList());
        await AssertKept(async () => Assert.Equal(0, await StoreCount()));

        await (await onOtherNode.PostJsonAsync("/api/stores", new { name = "Second", address = "2 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(System.Net.HttpStatusCode.Created);
        await Eventually(async () => await StoreCount() == 1, "this node's store list does not show the store created on the other node");

        await AssertNotReadAgain(async () =>
        {
            Assert.Equal("Kettle", await ProductName(AsUser, product.Id));
            await (await AsUser.GetAsync("/api/products")).AssertOkList();
            await (await AsUser.GetAsync("/api/categories")).AssertOkList();
        });
    }

    [Fact]
    public async Task A_product_renamed_on_another_node_drops_this_nodes_answers_that_show_it_and_not_another_products()
    {
        var kettle = await Given.Product("Kettle").SaveAsync();
        var mug = await Given.Product("Mug").SaveAsync();
        var store = await Given.Store().WithProduct(kettle).SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = await SignedIn(otherNode, Admin);
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, kettle.Id)));
        await AssertKept(async () => Assert.Equal("Mug", await ProductName(AsUser, mug.Id)));
        await AssertKept(async () => Assert.Contains("Kettle", await ProductNames("/api/products")));
        await AssertKept(async () => Assert.Equal(["Kettle"], await CarriedNames(store.Id)));
        await AssertKept(async () => Assert.Contains("Kettle", await ProductsOfStores()));

        await (await onOtherNode.PutJsonAsync($"/api/products/{kettle.Id}", new { name = "Teapot" })).AssertOkJson();
        await Eventually(async () => await ProductName(AsUser, kettle.Id) == "Teapot", "this node still answers the old name");

        // One commit, one notification: what shows the product was dropped with it.
        Assert.Contains("Teapot", await ProductNames("/api/products"));
        Assert.Equal(["Teapot"], await CarriedNames(store.Id));
        Assert.Contains("Teapot", await ProductsOfStores());
        await AssertNotReadAgain(async () =>
        {
            Assert.Equal("Mug", await ProductName(AsUser, mug.Id));
        });
    }

    [Fact]
    public async Task A_category_renamed_on_another_node_reaches_this_nodes_products_and_leaves_its_stores_kept()
    {
        var category = await Given.Category("Kitchen").SaveAsync();
        var product = await Given.Product("Kettle").InCategory(category).SaveAsync();
        var store = await Given.Store().WithProduct(product).SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = await SignedIn(otherNode, Admin);
        await AssertKept(async () => Assert.Equal("Kitchen", await CategoryOf(product.Id)));
        await AssertKept(async () => Assert.Equal(["Kettle"], await CarriedNames(store.Id)));

        await (await onOtherNode.PutJsonAsync($"/api/categories/{category.Id}", new { name = "Cookware" })).AssertOkJson();

        await Eventually(async () => await CategoryOf(product.Id) == "Cookware", "this node's product still shows the old category name");
        await AssertNotReadAgain(async () =>
        {
            Assert.Equal(["Kettle"], await CarriedNames(store.Id));
        });
    }

    [Fact]
    public async Task A_manager_email_changed_on_another_node_drops_the_store_answers_and_not_the_products()
    {
        var manager = await Given.User("before@example.com").SaveAsync();
        var product = await Given.Product("Kettle").SaveAsync();
        var store = await Given.Store().WithManager(manager).SaveAsync();
        await AssertKept(async () => Assert.Equal("before@example.com", await ManagerEmail(store.Id)));
        await AssertKept(async () => Assert.Contains("before@example.com", await ManagerEmailsOfStores()));
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));

        // Written by another process, as a second node's account page would.
        await ExecuteSqlAsync($"UPDATE users SET email = 'after@example.com', normalized_email = 'AFTER@EXAMPLE.COM' WHERE id = {manager.Id}");

        await Eventually(async () => await ManagerEmail(store.Id) == "after@example.com", "the store still shows the old email");
        Assert.Contains("after@example.com", await ManagerEmailsOfStores());
        await AssertNotReadAgain(async () =>
        {
            Assert.Equal("Kettle", await ProductName(AsUser, product.Id));
        });
    }

    [Fact]
    public async Task A_statement_changing_more_rows_than_a_notification_can_name_drops_every_answer_about_them()
    {
        var products = new List<int>();
        for (var i = 0; i < 3; i++)
            products.Add((await Given.Product($"Kettle {i}").SaveAsync()).Id);
        await AssertKept(async () => Assert.Equal("Kettle 0", await ProductName(AsUser, products[0])));

        // 800 rows inserted in one statement: more ids than fit in one payload, so the notification names the table only.
        await ExecuteSqlAsync("INSERT INTO products (name, created_at) SELECT 'Bulk ' || n, now() FROM generate_series(1, 800) n; " +
            $"UPDATE products SET name = 'Teapot' WHERE id = {products[0]}");

        await Eventually(async () => await ProductName(AsUser, products[0]) == "Teapot", "the product renamed with the bulk insert still shows its old name");
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
            await ExecuteSqlAsync("""
                CREATE TRIGGER catalogue_changed AFTER TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
                ALTER TABLE products ENABLE ALWAYS TRIGGER catalogue_changed;
                """);
        }

        await Eventually(() => Task.FromResult(Cache.IsServing), "the cache did not listen again once the triggers were back");
    }

    [Fact]
    public async Task A_change_made_with_the_triggers_disabled_is_not_served_past_the_next_heartbeat_and_health_says_so()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));

        try
        {
            await ExecuteSqlAsync($"ALTER TABLE products DISABLE TRIGGER USER; UPDATE products SET name = 'Teapot' WHERE id = {product.Id}");

            // Bound: the next heartbeat finds the trigger disabled.
            await Eventually(async () => await ProductName(AsUser, product.Id) == "Teapot", "the node still answers the name from before the change", Settings.HeartbeatInterval + Margin);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the feed's retry delay: it tried again and still refuses
            Assert.False(Cache.IsServing);
            Assert.Equal("Degraded", await Anonymous.GetStringAsync("/health"));
        }
        finally
        {
            await ExecuteSqlAsync("""
                ALTER TABLE products ENABLE ALWAYS TRIGGER catalogue_changed;
                ALTER TABLE products ENABLE ALWAYS TRIGGER catalogue_rows_inserted;
                ALTER TABLE products ENABLE ALWAYS TRIGGER catalogue_rows_updated;
                ALTER TABLE products ENABLE ALWAYS TRIGGER catalogue_rows_deleted;
                """);
        }

        await Eventually(() => Task.FromResult(Cache.IsServing), "the cache did not serve again once the trigger was enabled");
        Assert.Equal("Healthy", await Anonymous.GetStringAsync("/health"));
        await AssertKept(async () => Assert.Equal("Teapot", await ProductName(AsUser, product.Id)));
    }

    [Fact]
    public async Task A_trigger_enabled_again_but_not_always_keeps_the_cache_off()
    {
        await ExecuteSqlAsync("ALTER TABLE stores DISABLE TRIGGER catalogue_rows_inserted; ALTER TABLE stores ENABLE TRIGGER catalogue_rows_inserted"); // as pg_restore --disable-triggers leaves it
        try
        {
            await Eventually(async () =>
            {
                await (await AsUser.GetAsync("/api/stores")).AssertOkList(); // a node nobody reads from does not beat
                return !Cache.IsServing;
            }, "the cache went on serving with a trigger that does not fire under session_replication_role = replica", Settings.HeartbeatInterval + Margin);
            Assert.Equal("Degraded", await Anonymous.GetStringAsync("/health"));
        }
        finally
        {
            await ExecuteSqlAsync("ALTER TABLE stores ENABLE ALWAYS TRIGGER catalogue_rows_inserted");
        }

        await Eventually(() => Task.FromResult(Cache.IsServing), "the cache did not serve again once the trigger was enabled always");
    }

    [Fact]
    public async Task A_change_written_as_a_replica_applies_it_is_heard_at_once()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));

        // What logical replication's apply worker and some restores do; SET LOCAL: the test's pooled connection is left as it was.
        await ExecuteSqlAsync($"BEGIN; SET LOCAL session_replication_role = replica; UPDATE products SET name = 'Teapot' WHERE id = {product.Id}; COMMIT");

        await Eventually(async () => await ProductName(AsUser, product.Id) == "Teapot", "the change written as a replica was not heard");
    }

    [Fact]
    public async Task A_node_whose_listening_connection_stops_answering_stops_serving_within_the_stale_bound()
    {
        Assert.SkipUnless(_clusterIsOurs, "Pauses a PostgreSQL backend process: needs the run's own cluster");
        var product = await Given.Product("Kettle").SaveAsync();
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));
        int[] listening = [];
        await Eventually(async () => (listening = await FeedBackendsAsync()).Length == 1, "not one feed connection"); // not one of an earlier test's on its way out

        try
        {
            // Half-open: the connection stays up, TCP keepalives are answered by the kernel, nothing is delivered.
            await SignalAsync("STOP", listening);
            await ExecuteSqlAsync($"UPDATE products SET name = 'Teapot' WHERE id = {product.Id}");

            await Eventually(async () => await ProductName(AsUser, product.Id) == "Teapot", "the node still answers the name from before the change", Settings.StaleAfter + Margin);
            // The first heartbeat not back after StaleAfter (one interval after the last one back): the feed gives up the connection.
            await Eventually(async () =>
            {
                await ProductName(AsUser, product.Id);
                return !Cache.IsServing;
            }, "the feed kept a connection that delivers nothing", Settings.HeartbeatInterval + Margin);
        }
        finally
        {
            await SignalAsync("CONT", listening);
        }

        await Eventually(async () => Cache.IsServing && !(await FeedBackendsAsync()).Intersect(listening).Any(), "the feed did not listen again on a new connection");
        await AssertKept(async () => Assert.Equal("Teapot", await ProductName(AsUser, product.Id)));
    }

    [Fact]
    public async Task An_answer_older_than_the_maximum_entry_age_is_read_again()
    {
        var maxEntryAge = TimeSpan.FromSeconds(1);
        var product = await Given.Product("Kettle").SaveAsync();
        await using var node = new OverholtApp(App.Database, new Dictionary<string, string?> { ["Cache:MaxEntryAge"] = maxEntryAge.ToString("c", CultureInfo.InvariantCulture) });
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, User.Email, User.Password));
        await Eventually(() => Task.FromResult(node.Services.GetRequiredService<IReadCache>().IsServing), "the node's cache never started serving");
        await AssertKept(node, async () => Assert.Equal("Kettle", await ProductName(client, product.Id)));

        await Task.Delay(maxEntryAge + TimeSpan.FromSeconds(0.2));
        node.Statements.Reset();
        Assert.Equal("Kettle", await ProductName(client, product.Id));
        var readAgain = node.Statements.Count;
        node.Statements.Reset();
        Assert.Equal("Kettle", await ProductName(client, product.Id));

        Assert.True(readAgain > 0, "an answer older than Cache:MaxEntryAge was given from memory");
        Assert.Equal(0, node.Statements.Count); // kept again: the cache serves, it was the answer's age
    }

    [Fact]
    public async Task Heartbeats_of_this_node_and_of_others_do_not_drop_its_answers()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = otherNode.CreateClient();
        onOtherNode.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, User.Email, User.Password));
        Assert.Equal("Kettle", await ProductName(onOtherNode, product.Id));
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));

        App.Statements.Reset();
        var reading = Stopwatch.StartNew();
        while (reading.Elapsed < 5 * Settings.HeartbeatInterval) // both nodes read, so both beat
        {
            Assert.Equal("Kettle", await ProductName(onOtherNode, product.Id));
            Assert.Equal("Kettle", await ProductName(AsUser, product.Id));
            await Task.Delay(20);
        }

        // Only the catalogue: the signed-in user's account state is read again when it expires, within these seconds.
        Assert.Empty(CatalogueReads(App));
        Assert.True(await HeartbeatsAsync() >= 2, "the two nodes did not both beat");
    }

    [Fact]
    public async Task Another_node_starting_to_listen_does_not_drop_this_nodes_answers()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await AssertKept(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));
        await AssertKept(async () => Assert.Equal(0, await StoreCount()));

        // Its feed proves it listens with a notification of its own, on the channel every node hears.
        await using var otherNode = new OverholtApp(App.Database);
        await Eventually(() => Task.FromResult(otherNode.Services.GetRequiredService<IReadCache>().IsServing), "the other node's cache never started serving");
        // Heard after the other node's probe: once this node's store list shows it, this node has heard the probe too.
        await ExecuteSqlAsync("INSERT INTO stores (id, name, address, city, state, zip_code, version) VALUES (900000, 'Second', '2 Main St', 'Portland', 'OR', '97201', 1)");
        await Eventually(async () => await StoreCount() == 1, "this node's store list does not show the store inserted");

        await AssertNotReadAgain(async () => Assert.Equal("Kettle", await ProductName(AsUser, product.Id)));
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
    public async Task A_search_read_again_costs_no_statement_and_shows_a_product_added_on_another_node()
    {
        var category = await Given.Category().SaveAsync();
        await Given.Product("Kettle").InCategory(category).SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = await SignedIn(otherNode, Admin);
        await AssertKept(async () => Assert.Equal(["Kettle"], await ProductNames("/api/products?search=kett")));
        // Another spelling of the same search, as the database compares it: answered from what "kett" kept.
        await AssertNotReadAgain(async () => Assert.Equal(["Kettle"], await ProductNames("/api/products?search=%20KETT%20")));

        await (await onOtherNode.PostJsonAsync("/api/products", new { name = "Kettle lid", categories = new[] { category.Id } })).AssertOkJson(System.Net.HttpStatusCode.Created);

        await Eventually(async () => (await ProductNames("/api/products?search=kett")).Count == 2, "this node's search does not show the product added on the other node");
        Assert.Equal(["Kettle", "Kettle lid"], await ProductNames("/api/products?search=KETT"));
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
            return CatalogueReads(App).Count == 0;
        }, $"{page} read again still read the catalogue");
    }

    private static readonly string[] CatalogueTables = ["products", "categories", "stores"];

    /// <summary>The statements <paramref name="node"/> sent since its counter was reset that read the catalogue.</summary>
    private static List<string> CatalogueReads(OverholtApp node) =>
        [.. node.Statements.Sent.Select(statement => statement.Sql)
            .Where(sql => CatalogueTables.Any(table => sql.Contains($"FROM {table} ", StringComparison.Ordinal)))];

    private const string KillTheFeed =
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'overholt-listener' AND datname = current_database()";

    /// <summary>
    /// The answer is kept: read again, it costs no statement. Notifications of the test's own setup may still be on
    /// their way and drop it once more, so this reads until one read again costs nothing.
    /// </summary>
    private Task AssertKept(Func<Task> read) => AssertKept(App, read);

    private static async Task AssertKept(OverholtApp node, Func<Task> read)
    {
        await Eventually(async () =>
        {
            await read();
            node.Statements.Reset();
            await read();
            return node.Statements.Count == 0;
        }, "reading it again still cost statements");
    }

    private static async Task<string?> ProductName(HttpClient client, int id) =>
        (await (await client.GetAsync($"/api/products/{id}")).AssertOkJson()).GetProperty("name").GetString();

    /// <summary>
    /// What <paramref name="read"/> reads is still kept: it sends no statement reading the catalogue (the account
    /// state a request checks may be read again when it expires, <c>Auth:AccountCheckInterval</c>).
    /// </summary>
    private async Task AssertNotReadAgain(Func<Task> read)
    {
        App.Statements.Reset();
        await read();
        var catalogueReads = CatalogueReads(App);
        Assert.True(catalogueReads.Count == 0, $"read again from the database: {string.Join(" | ", catalogueReads)}");
    }

    private async Task<HttpClient> SignedIn(OverholtApp node, TestUser user)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, user.Email, user.Password));
        await Eventually(() => Task.FromResult(node.Services.GetRequiredService<IReadCache>().IsServing), "the other node's cache never started serving");
        return client;
    }

    private async Task<int> StoreCount() =>
        (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32();

    private async Task<List<string?>> ProductNames(string list) =>
        [.. (await (await AsUser.GetAsync(list)).AssertOkList()).GetProperty("data").EnumerateArray().Select(item => item.GetProperty("name").GetString())];

    private async Task<List<string?>> CarriedNames(int storeId) =>
        [.. (await (await AsUser.GetAsync($"/api/stores/{storeId}")).AssertOkJson()).GetProperty("products").EnumerateArray().Select(item => item.GetProperty("name").GetString())];

    private async Task<List<string?>> ProductsOfStores() =>
        [.. (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("data").EnumerateArray()
            .SelectMany(store => store.GetProperty("products").EnumerateArray()).Select(item => item.GetProperty("name").GetString())];

    private async Task<List<string?>> ManagerEmailsOfStores() =>
        [.. (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("data").EnumerateArray()
            .SelectMany(store => store.GetProperty("managers").EnumerateArray()).Select(item => item.GetProperty("email").GetString())];

    private async Task<string?> CategoryOf(int productId) =>
        (await (await AsUser.GetAsync($"/api/products/{productId}")).AssertOkJson()).GetProperty("categories")[0].GetProperty("name").GetString();

    private async Task<string?> ManagerEmail(int storeId) =>
        (await (await AsUser.GetAsync($"/api/stores/{storeId}")).AssertOkJson()).GetProperty("managers")[0].GetProperty("email").GetString();

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The backends of the nodes listening on the test's database (the catalogue feed's connection).</summary>
    private async Task<int[]> FeedBackendsAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = 'overholt-listener' AND datname = current_database()", connection);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            pids.Add(reader.GetInt32(0));
        return [.. pids];
    }

    /// <summary>Sends a signal to the throwaway cluster's backends (this run started it: as root, or as its user).</summary>
    private static async Task SignalAsync(string signal, IEnumerable<int> pids)
    {
        var kill = new ProcessStartInfo("kill") { RedirectStandardError = true };
        kill.ArgumentList.Add($"-{signal}");
        foreach (var pid in pids)
            kill.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(kill) ?? throw new InvalidOperationException("Could not start kill");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"kill -{signal} failed: {error}");
    }

    /// <summary>How many nodes have a heartbeat row.</summary>
    private async Task<long> HeartbeatsAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM catalogue_heartbeats WHERE beaten_at > now() - interval '5 seconds'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task Eventually(Func<Task<bool>> condition, string failure) => Eventually(condition, failure, Heard);

    private static async Task Eventually(Func<Task<bool>> condition, string failure, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < within, $"After {within.TotalSeconds} s {failure}");
            await Task.Delay(10);
        }
    }
}
