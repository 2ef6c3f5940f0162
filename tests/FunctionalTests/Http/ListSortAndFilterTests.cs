using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Http;

/// <summary>
/// The list routes' <c>sort</c> (a whitelist per resource, always ending by id) and filters, combined with search and
/// paging; and the hostile spellings of them, each a 400 naming the parameter that changes nothing.
/// </summary>
public sealed class ListSortAndFilterTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Stores_sort_by_several_fields_each_way_and_ties_end_by_id()
    {
        var salemB = await Given.Store("B").InCity("Salem").InState("OR").SaveAsync();
        var austinA = await Given.Store("A").InCity("Austin").InState("TX").SaveAsync();
        var salemA = await Given.Store("A").InCity("Salem").InState("OR").SaveAsync();
        var salemA2 = await Given.Store("A").InCity("Salem").InState("OR").SaveAsync();

        Assert.Equal([salemB.Id, salemA.Id, salemA2.Id, austinA.Id], await StoreIds("sort=state,-name"));
        Assert.Equal([austinA.Id, salemA2.Id, salemA.Id, salemB.Id], await StoreIds("sort=-state,-id"));
        Assert.Equal([austinA.Id, salemA.Id, salemA2.Id, salemB.Id], await StoreIds("sort=city,name"));
        Assert.Equal([austinA.Id, salemA.Id, salemA2.Id, salemB.Id], await StoreIds(string.Empty)); // by name, then id
        Assert.Equal([salemA2.Id, salemA.Id, austinA.Id, salemB.Id], await StoreIds("sort=zip_code,-id"));
    }

    [Fact]
    public async Task Store_filters_combine_with_search_sort_and_paging_and_the_total_counts_the_matches()
    {
        var apple = await Given.Product("Apple").SaveAsync();
        var manager = await Given.User().SaveAsync();
        var wanted1 = await Given.Store("Corner shop").InCity("Salem").InState("OR").WithProduct(apple).WithManager(manager).SaveAsync();
        var wanted2 = await Given.Store("Big shop").InCity("Salem").InState("OR").WithProduct(apple).WithManager(manager).SaveAsync();
        await Given.Store("Other shop").InCity("Salem").InState("OR").WithProduct(apple).SaveAsync(); // not managed by them
        await Given.Store("Corner shop").InCity("Salem").InState("MA").WithProduct(apple).WithManager(manager).SaveAsync(); // another state
        await Given.Store("Corner shop").InCity("Eugene").InState("OR").WithManager(manager).SaveAsync(); // another city, no apples

        var body = await (await AsUser.GetAsync($"/api/stores?state=or&city=SALEM&product={apple.Id}&manager={manager.Id}&search=shop&sort=-name&page=2&page_size=1")).AssertOkList();

        Assert.Equal([wanted2.Id], body.GetProperty("data").Ids());
        Assert.Equal(2, body.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal([wanted1.Id, wanted2.Id], await StoreIds($"state=OR&city=Salem&manager={manager.Id}&sort=-name"));
    }

    [Fact]
    public async Task Filter_ids_nothing_has_give_an_empty_list_not_a_404()
    {
        await Given.Store().WithProducts(1).WithManager(User).SaveAsync();

        foreach (var url in new[] { "/api/stores?product=999999", "/api/stores?manager=999999", "/api/products?category=999999" })
        {
            var body = await (await AsUser.GetAsync(url)).AssertOkList();
            Assert.Equal(0, body.GetProperty("data").GetArrayLength());
            Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task Products_filter_by_category_and_sort_by_name_or_id_either_way()
    {
        var fruit = await Given.Category("Fruit").SaveAsync();
        var banana = await Given.Product("Banana").InCategory(fruit).SaveAsync();
        var apple = await Given.Product("Apple").InCategory(fruit).SaveAsync();
        await Given.Product("Axe").SaveAsync();

        var body = await (await AsUser.GetAsync($"/api/products?category={fruit.Id}&sort=-name")).AssertOkList();
        Assert.Equal([banana.Id, apple.Id], body.GetProperty("data").Ids());
        Assert.Equal(2, body.GetProperty("meta").GetProperty("total").GetInt32());
        body = await (await AsUser.GetAsync($"/api/products?category={fruit.Id}&search=an&sort=id")).AssertOkList();
        Assert.Equal([banana.Id], body.GetProperty("data").Ids());
    }

    [Fact]
    public async Task Categories_sort_by_name_or_id()
    {
        var b = await Given.Category("B").SaveAsync();
        var a = await Given.Category("A").SaveAsync();

        Assert.Equal([b.Id, a.Id], (await (await AsUser.GetAsync("/api/categories?sort=-name")).AssertOkList()).GetProperty("data").Ids());
        Assert.Equal([a.Id, b.Id], (await (await AsUser.GetAsync("/api/categories?sort=-id")).AssertOkList()).GetProperty("data").Ids());
    }

    [Theory]
    [InlineData("/api/stores?sort=password_hash", "sort")]
    [InlineData("/api/stores?sort=name;drop", "sort")]
    [InlineData("/api/stores?sort=name,,city", "sort")]
    [InlineData("/api/stores?sort=name,", "sort")]
    [InlineData("/api/stores?sort=name,-name", "sort")]
    [InlineData("/api/stores?sort=name%20", "sort")]
    [InlineData("/api/stores?sort=--name", "sort")]
    [InlineData("/api/stores?sort=Name", "sort")]
    [InlineData("/api/products?sort=city", "sort")]
    [InlineData("/api/categories?sort=zip_code", "sort")]
    [InlineData("/api/stores?page_size=100000", "page_size")]
    [InlineData("/api/stores?state=O%00R", "state")]
    [InlineData("/api/stores?city=Sa%E2%80%AElem", "city")]
    [InlineData("/api/stores?product=0", "product")]
    [InlineData("/api/stores?manager=-1", "manager")]
    [InlineData("/api/products?category=0", "category")]
    [InlineData("/api/stores/1/products?search=a%00", "search")]
    [InlineData("/api/stores/1/managers?search=a%00", "search")]
    public async Task Hostile_list_parameters_are_a_400_naming_the_parameter_and_change_nothing(string url, string field)
    {
        var store = await Given.Store("Corner shop").WithProducts(1).SaveAsync();

        await (await AsUser.GetAsync(url.Replace("/stores/1/", $"/stores/{store.Id}/", StringComparison.Ordinal))).AssertProblem(400, field);

        var body = await (await AsUser.GetAsync("/api/stores")).AssertOkList();
        Assert.Equal([store.Id], body.GetProperty("data").Ids());
    }

    [Fact]
    public async Task A_sort_of_500_fields_is_refused()
    {
        var sort = string.Join(',', Enumerable.Repeat("name,-city", 250));

        await (await AsUser.GetAsync($"/api/stores?sort={sort}")).AssertProblem(400, "sort");
    }

    [Fact]
    public async Task Each_order_is_its_own_answer_even_from_the_read_cache()
    {
        var b = await Given.Store("B").SaveAsync();
        var a = await Given.Store("A").SaveAsync();

        for (var round = 0; round < 2; round++) // the second round reads what the first kept
        {
            Assert.Equal([a.Id, b.Id], await StoreIds("sort=name"));
            Assert.Equal([b.Id, a.Id], await StoreIds("sort=-name"));
            Assert.Equal([b.Id, a.Id], await StoreIds("sort=id"));
            Assert.Equal([a.Id, b.Id], await StoreIds(string.Empty));
        }
    }

    [Fact]
    public async Task Search_narrows_a_stores_products_and_managers()
    {
        var apple = await Given.Product("Apple").SaveAsync();
        var pear = await Given.Product("Pear").SaveAsync();
        var jo = await Given.User("jo@shops.example").SaveAsync();
        var store = await Given.Store().WithProduct(apple).WithProduct(pear).WithManager(jo).WithManager(User).SaveAsync();

        var products = await (await AsUser.GetAsync($"/api/stores/{store.Id}/products?search=PEA")).AssertOkList();
        var managers = await (await AsUser.GetAsync($"/api/stores/{store.Id}/managers?search=shops.ex")).AssertOkList();

        Assert.Equal([pear.Id], products.GetProperty("data").Ids());
        Assert.Equal(1, products.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal([jo.Id], managers.GetProperty("data").Ids());
        Assert.Equal(1, managers.GetProperty("meta").GetProperty("total").GetInt32());
    }

    private async Task<int[]> StoreIds(string query) =>
        (await (await AsUser.GetAsync($"/api/stores?{query}")).AssertOkList()).GetProperty("data").Ids();
}
