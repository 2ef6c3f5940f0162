using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Stores;

public sealed class StoreProductsTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Listing_a_stores_products_returns_them_with_categories()
    {
        var store = await Given.Store().WithProducts(2).SaveAsync();
        await Given.Product("Not carried").SaveAsync();

        var body = await (await AsUser.GetAsync($"/api/stores/{store.Id}/products")).AssertOkList();

        Assert.Equal(2, body.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(1, body.GetProperty("data")[0].GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public async Task Adding_a_product_returns_200_with_the_store()
    {
        var store = await Given.Store().SaveAsync();
        var product = await Given.Product("Apple").SaveAsync();

        var data = await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/products/{product.Id}")).AssertOkJson();

        Assert.Equal([product.Id], data.GetProperty("products").Ids());
    }

    [Fact]
    public async Task Adding_a_product_twice_is_a_400_product_exists()
    {
        var product = await Given.Product().SaveAsync();
        var store = await Given.Store().WithProduct(product).SaveAsync();

        await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/products/{product.Id}")).AssertProblem(400, error: "Product exists");
    }

    [Fact]
    public async Task Removing_a_product_returns_204()
    {
        var product = await Given.Product().SaveAsync();
        var store = await Given.Store().WithProduct(product).SaveAsync();

        (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/products/{product.Id}")).AssertNoContent();

        var data = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Equal(0, data.GetProperty("products").GetArrayLength());
    }

    [Fact]
    public async Task Removing_a_product_the_store_does_not_carry_is_a_400_invalid_product()
    {
        var store = await Given.Store().SaveAsync();
        var product = await Given.Product().SaveAsync();

        await (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/products/{product.Id}")).AssertProblem(400, error: "Invalid product");
    }

    [Fact]
    public async Task An_unknown_product_is_not_found()
    {
        var store = await Given.Store().SaveAsync();

        await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/products/999")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/products/999")).AssertProblem(404, error: "Not found");
    }

    [Fact]
    public async Task A_manager_may_change_their_stores_products_but_others_may_not()
    {
        var product = await Given.Product().SaveAsync();
        var mine = await Given.Store().WithManager(User).SaveAsync();
        var theirs = await Given.Store().SaveAsync();

        await (await AsUser.PutAsync($"/api/stores/{mine.Id}/products/{product.Id}")).AssertOkJson();
        (await AsUser.DeleteAsync($"/api/stores/{mine.Id}/products/{product.Id}")).AssertNoContent();
        await (await AsUser.PutAsync($"/api/stores/{theirs.Id}/products/{product.Id}")).AssertProblem(403);

        var data = await (await AsUser.GetAsync($"/api/stores/{theirs.Id}")).AssertOkJson();
        Assert.Equal(0, data.GetProperty("products").GetArrayLength());
    }
}
