using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Stores;

public sealed class StoresTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private static readonly object NewStore = new { name = "Corner shop", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" };

    [Fact]
    public async Task Listing_stores_returns_200_with_paging_meta()
    {
        for (var i = 0; i < 3; i++)
            await Given.Store($"Store {i}").SaveAsync();

        var body = await (await AsUser.GetAsync("/api/stores?page=2&page_size=2")).AssertOkList();

        Assert.Equal(1, body.GetProperty("data").GetArrayLength());
        var meta = body.GetProperty("meta");
        Assert.Equal(2, meta.GetProperty("page").GetInt32());
        Assert.Equal(2, meta.GetProperty("page_size").GetInt32());
        Assert.Equal(3, meta.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Showing_a_store_includes_its_products_and_managers()
    {
        var store = await Given.Store("Corner shop").WithProducts(2).WithManager(User).SaveAsync();

        var data = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();

        Assert.Equal("Corner shop", data.GetProperty("name").GetString());
        Assert.Equal("97201", data.GetProperty("zip_code").GetString());
        Assert.Equal(2, data.GetProperty("products").GetArrayLength());
        Assert.Equal(User.Email, data.GetProperty("managers")[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task Creating_a_store_with_all_fields_returns_201_with_its_name()
    {
        var response = await AsAdmin.PostJsonAsync("/api/stores", NewStore);

        var data = await response.AssertOkJson(HttpStatusCode.Created);
        Assert.Equal("Corner shop", data.GetProperty("name").GetString());
        Assert.Equal($"/api/stores/{data.GetProperty("id").GetInt32()}", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Creating_a_store_with_only_a_name_is_a_400_with_errors()
    {
        var problem = await (await AsAdmin.PostJsonAsync("/api/stores", new { name = "Corner shop" })).AssertProblem(400, "address");

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "city", "state", "zip_code" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors lacks {field}");
        Assert.Equal("'zip_code' must not be empty.", errors.GetProperty("zip_code")[0].GetString()); // named as the client spells it
        var body = await (await AsUser.GetAsync("/api/stores")).AssertOkList();
        Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Over_long_store_fields_are_refused() =>
        await (await AsAdmin.PostJsonAsync("/api/stores", new { name = new string('x', 256), address = "a", city = "c", state = "s", zip_code = "z" }))
            .AssertProblem(400, "name");

    [Fact]
    public async Task Updating_a_store_name_returns_200_with_the_new_name()
    {
        var store = await Given.Store("Corner shop").InCity("Salem").SaveAsync();

        var data = await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "Big shop" })).AssertOkJson();

        Assert.Equal("Big shop", data.GetProperty("name").GetString());
        Assert.Equal("Salem", data.GetProperty("city").GetString());
    }

    [Fact]
    public async Task Updating_with_a_blank_field_is_refused_and_changes_nothing()
    {
        var store = await Given.Store("Corner shop").SaveAsync();

        await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "Big shop", city = " " })).AssertProblem(400, "city");

        var data = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Equal("Corner shop", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_manager_may_update_their_store_but_not_another()
    {
        var mine = await Given.Store("Mine").WithManager(User).SaveAsync();
        var theirs = await Given.Store("Theirs").SaveAsync();

        await (await AsUser.PutJsonAsync($"/api/stores/{mine.Id}", new { name = "Still mine" })).AssertOkJson();
        await (await AsUser.PutJsonAsync($"/api/stores/{theirs.Id}", new { name = "Taken" })).AssertProblem(403);

        var data = await (await AsUser.GetAsync($"/api/stores/{theirs.Id}")).AssertOkJson();
        Assert.Equal("Theirs", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deleting_a_store_returns_204()
    {
        var store = await Given.Store().WithProducts(1).WithManager(User).SaveAsync();

        (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}")).AssertNoContent();

        await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertProblem(404, error: "Not found");
    }

    [Fact]
    public async Task Only_admins_create_and_delete_stores_even_managers_may_not()
    {
        var store = await Given.Store().WithManager(User).SaveAsync();

        await (await AsUser.PostJsonAsync("/api/stores", NewStore)).AssertProblem(403);
        await (await AsUser.DeleteAsync($"/api/stores/{store.Id}")).AssertProblem(403);

        await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
    }

    [Fact]
    public async Task Unknown_stores_are_not_found_for_every_route()
    {
        var product = await Given.Product().SaveAsync();

        await (await AsUser.GetAsync("/api/stores/999")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.PutJsonAsync("/api/stores/999", new { name = "X" })).AssertProblem(404, error: "Not found");
        await (await AsUser.PutJsonAsync("/api/stores/999", new { name = "X" })).AssertProblem(404, error: "Not found");
        await (await AsAdmin.DeleteAsync("/api/stores/999")).AssertProblem(404, error: "Not found");
        await (await AsUser.GetAsync("/api/stores/999/products")).AssertProblem(404, error: "Not found");
        await (await AsUser.GetAsync("/api/stores/999/managers")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.PutAsync($"/api/stores/999/products/{product.Id}")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.PutAsync($"/api/stores/999/managers/{User.Id}")).AssertProblem(404, error: "Not found");
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page_size=0")]
    [InlineData("page_size=201")]
    [InlineData("page=abc")]
    [InlineData("page=107374184")]
    public async Task Out_of_range_paging_is_a_validation_error_not_a_clamp(string query) =>
        await (await AsUser.GetAsync($"/api/stores?{query}")).AssertProblem(400, query.Split('=')[0]);
}
