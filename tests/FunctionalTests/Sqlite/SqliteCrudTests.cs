using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Sqlite;

/// <summary>The core CRUD set on the embedded default database.</summary>
public sealed class SqliteCrudTests(SqliteApp sqlite) : ApiTest(sqlite.App), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Categories_products_and_stores_round_trip()
    {
        var category = await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit" })).AssertOkJson(HttpStatusCode.Created);
        var product = await (await AsAdmin.PostJsonAsync("/api/products", new { name = "Apple", categories = new[] { category.GetProperty("id").GetInt32() } }))
            .AssertOkJson(HttpStatusCode.Created);
        var store = await (await AsAdmin.PostJsonAsync("/api/stores", new { name = "Corner", address = "1 Main", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(HttpStatusCode.Created);
        var storeId = store.GetProperty("id").GetInt32();
        var productId = product.GetProperty("id").GetInt32();

        await (await AsAdmin.PutAsync($"/api/stores/{storeId}/products/{productId}")).AssertOkJson();
        var updated = await (await AsAdmin.PutAsync($"/api/stores/{storeId}/managers/{User.Id}")).AssertOkJson();

        Assert.Equal([productId], updated.GetProperty("products").Ids());
        Assert.Equal(User.Email, updated.GetProperty("managers")[0].GetProperty("email").GetString());
        await (await AsUser.GetAsync("/api/stores")).AssertOkList();
    }

    [Fact]
    public async Task Sort_filters_and_searches_answer_as_on_PostgreSQL()
    {
        var apple = await Given.Product("Apple").SaveAsync();
        var salemB = await Given.Store("B").InCity("Salem").InState("OR").WithProduct(apple).WithManager(User).SaveAsync();
        var austinA = await Given.Store("A").InCity("Austin").InState("TX").WithProduct(apple).SaveAsync();
        var salemA = await Given.Store("A").InCity("Salem").InState("OR").SaveAsync();

        Assert.Equal([salemB.Id, salemA.Id, austinA.Id], await Ids("/api/stores?sort=state,-name"));
        Assert.Equal([salemA.Id, salemB.Id], await Ids("/api/stores?state=or&city=SALEM&sort=name"));
        Assert.Equal([austinA.Id, salemB.Id], await Ids($"/api/stores?product={apple.Id}"));
        Assert.Equal([salemB.Id], await Ids($"/api/stores?manager={User.Id}&search=b"));
        Assert.Equal([apple.Id], await Ids($"/api/stores/{salemB.Id}/products?search=APP"));
        Assert.Empty(await Ids($"/api/stores/{salemB.Id}/managers?search=nobody"));
        Assert.Empty(await Ids("/api/products?category=999999"));
        await (await AsUser.GetAsync("/api/stores?sort=password_hash")).AssertProblem(400, "sort");
    }

    [Fact]
    public async Task Domain_rules_hold()
    {
        var store = await Given.Store().WithManager(User).SaveAsync();

        await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{User.Id}")).AssertProblem(400, error: "Manager exists");
        await (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/{Admin.Id}")).AssertProblem(400, error: "Invalid manager");
    }

    [Fact]
    public async Task Updates_and_deletes_work()
    {
        var store = await Given.Store("Old").SaveAsync();

        var data = await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "New" })).AssertOkJson();
        Assert.Equal("New", data.GetProperty("name").GetString());

        (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}")).AssertNoContent();
        await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertProblem(404, error: "Not found");
    }

    [Fact]
    public async Task A_duplicate_category_is_a_conflict()
    {
        await Given.Category("Fruit").SaveAsync();

        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit" })).AssertProblem(409);
    }

    private async Task<int[]> Ids(string url) => (await (await AsUser.GetAsync(url)).AssertOkList()).GetProperty("data").Ids();

    [Fact]
    public async Task Listing_stores_runs_the_same_statements_for_any_page_size()
    {
        for (var i = 0; i < 6; i++)
            await Given.Store().WithProducts(1).WithManager(User).SaveAsync();
        await (await AsUser.GetAsync("/api/stores?page_size=1")).AssertOkList();

        App.Statements.Reset();
        await (await AsUser.GetAsync("/api/stores?page_size=5")).AssertOkList();
        var small = App.Statements.Count;
        App.Statements.Reset();
        await (await AsUser.GetAsync("/api/stores?page_size=200")).AssertOkList();

        Assert.Equal(small - 1, App.Statements.Count); // the last page is not full: its items are the count
    }

    [Fact]
    public async Task Collections_read_in_split_statements_come_back_whole()
    {
        // SQLite splits collection reads (ProviderConfiguration): the tracked product update, the users page with its
        // roles and the deletion of a store's manager each read a collection in a statement of its own.
        var fruit = await Given.Category("Fruit").SaveAsync();
        var red = await Given.Category("Red").SaveAsync();
        var product = await Given.Product("Apple").InCategory(fruit).SaveAsync();
        var manager = await Given.User().SaveAsync();
        var store = await Given.Store().WithManager(manager).SaveAsync();

        var updated = await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { name = "Apple", categories = new[] { red.Id, fruit.Id } })).AssertOkJson();
        Assert.Equal(new[] { fruit.Id, red.Id }, updated.GetProperty("categories").Ids().Order().ToArray());

        using var admin = await App.BrowserFor(Admin);
        var rows = (await admin.GetAsync("/users")).QuerySelectorAll("tbody tr").Select(row => row.TextContent).ToList();
        Assert.Contains(rows, row => row.Contains(Admin.Email, StringComparison.Ordinal) && row.Contains("admin", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.Contains(manager.Email, StringComparison.Ordinal));

        var deleted = await admin.SubmitAndFollowAsync((await admin.GetAsync($"/users/{manager.Id}/delete")).Form($"/users/{manager.Id}/delete"));
        Assert.Equal("User deleted.", deleted.Alert());
        var managers = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Empty(managers.GetProperty("managers").EnumerateArray());
    }
}
