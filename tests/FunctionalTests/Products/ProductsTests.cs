using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Products;

public sealed class ProductsTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Listing_products_returns_200()
    {
        await Given.Product("Apple").SaveAsync();

        var body = await (await AsUser.GetAsync("/api/products")).AssertOkList();

        Assert.Equal("Apple", body.GetProperty("data")[0].GetProperty("name").GetString());
    }

    /// <summary>A page that is not full gives the count from its own items; a full or empty page past the first asks for it.</summary>
    [Theory]
    [InlineData(1, 5, 5)] // full
    [InlineData(3, 5, 2)] // the last, not full
    [InlineData(1, 20, 12)] // the only one
    [InlineData(4, 5, 0)] // past the end
    [InlineData(4, 4, 0)] // right after a full last page
    public async Task Every_page_counts_all_the_matches(int page, int pageSize, int items)
    {
        for (var i = 0; i < 12; i++)
            await Given.Product($"Paged {i:D2}").SaveAsync();
        await Given.Product("Other").SaveAsync();

        var body = await (await AsUser.GetAsync($"/api/products?search=paged&page={page}&page_size={pageSize}")).AssertOkList();

        Assert.Equal(items, body.GetProperty("data").GetArrayLength());
        Assert.Equal(12, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Showing_a_product_includes_its_categories()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        var product = await Given.Product("Apple").InCategory(fruit).SaveAsync();

        var data = await (await AsUser.GetAsync($"/api/products/{product.Id}")).AssertOkJson();

        Assert.Equal("Fruit", data.GetProperty("categories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Creating_a_product_with_a_name_and_category_ids_returns_201()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        var sweet = await Given.Category("Sweet").SaveAsync();

        var response = await AsAdmin.PostJsonAsync("/api/products", new { name = "Apple", categories = new[] { fruit.Id, sweet.Id } });

        var data = await response.AssertOkJson(HttpStatusCode.Created);
        Assert.Equal("Apple", data.GetProperty("name").GetString());
        Assert.Equal([fruit.Id, sweet.Id], data.GetProperty("categories").Ids());
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task Creating_a_product_without_a_name_is_a_400_json_error()
    {
        var fruit = await Given.Category().SaveAsync();

        await (await AsAdmin.PostJsonAsync("/api/products", new { categories = new[] { fruit.Id } })).AssertProblem(400, "name");
    }

    [Fact]
    public async Task Creating_a_product_needs_existing_categories()
    {
        await (await AsAdmin.PostJsonAsync("/api/products", new { name = "Apple" })).AssertProblem(400, "categories");
        await (await AsAdmin.PostJsonAsync("/api/products", new { name = "Apple", categories = Array.Empty<int>() })).AssertProblem(400, "categories");
        await (await AsAdmin.PostJsonAsync("/api/products", new { name = "Apple", categories = new[] { 4242 } })).AssertProblem(400, "categories");
        await (await AsAdmin.SendRawAsync(HttpMethod.Post, "/api/products", """{"name": "Apple", "categories": "1"}""")).AssertProblem(400, "categories");

        var body = await (await AsUser.GetAsync("/api/products")).AssertOkList();
        Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Updating_a_product_name_returns_200()
    {
        var product = await Given.Product("Apple").SaveAsync();

        var data = await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { name = "Pear" })).AssertOkJson();

        Assert.Equal("Pear", data.GetProperty("name").GetString());
        Assert.Equal(1, data.GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task Updating_a_product_replaces_its_categories()
    {
        var product = await Given.Product("Apple").SaveAsync();
        var sweet = await Given.Category("Sweet").SaveAsync();

        var data = await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { categories = new[] { sweet.Id } })).AssertOkJson();

        Assert.Equal([sweet.Id], data.GetProperty("categories").Ids());
    }

    [Fact]
    public async Task Deleting_a_product_returns_204_and_it_leaves_every_store()
    {
        var product = await Given.Product().SaveAsync();
        var store = await Given.Store().WithProduct(product).SaveAsync();

        (await AsAdmin.DeleteAsync($"/api/products/{product.Id}")).AssertNoContent();

        await (await AsUser.GetAsync($"/api/products/{product.Id}")).AssertProblem(404, error: "Not found");
        var storeData = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Equal(0, storeData.GetProperty("products").GetArrayLength());
    }

    [Fact]
    public async Task Only_admins_change_products()
    {
        var product = await Given.Product("Apple").SaveAsync();

        await (await AsUser.PostJsonAsync("/api/products", new { name = "Pear", categories = new[] { 1 } })).AssertProblem(403);
        await (await AsUser.PutJsonAsync($"/api/products/{product.Id}", new { name = "Pear" })).AssertProblem(403);
        await (await AsUser.DeleteAsync($"/api/products/{product.Id}")).AssertProblem(403);

        var data = await (await AsUser.GetAsync($"/api/products/{product.Id}")).AssertOkJson();
        Assert.Equal("Apple", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_products_are_not_found()
    {
        await (await AsUser.GetAsync("/api/products/999")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.PutJsonAsync("/api/products/999", new { name = "X" })).AssertProblem(404, error: "Not found");
        await (await AsAdmin.DeleteAsync("/api/products/999")).AssertProblem(404, error: "Not found");
    }

    [Fact]
    public async Task Search_filters_the_list_ignoring_case()
    {
        await Given.Product("Green apple").SaveAsync();
        await Given.Product("Pear").SaveAsync();

        var body = await (await AsUser.GetAsync("/api/products?search=APPLE")).AssertOkList();

        Assert.Equal(1, body.GetProperty("meta").GetProperty("total").GetInt32());
    }
}
