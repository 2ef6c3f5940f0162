using Microsoft.Extensions.Options;
using Overholt.Application.Caching;
using Overholt.Infrastructure.Caching;

namespace Overholt.IntegrationTests;

/// <summary>
/// The catalogue cache drops what a change can show and nothing else, never keeps an answer read while a change to
/// what it shows was heard, and reads the notifications' payloads as the triggers write them.
/// </summary>
public sealed class CatalogueCacheDependencyTests
{
    private static readonly IReadOnlyList<CatalogueDependency> ProductSeven =
        [CatalogueDependency.One(CatalogueData.Products, 7), CatalogueDependency.AnyOf(CatalogueData.Categories)];

    private static readonly IReadOnlyList<CatalogueDependency> ProductEight =
        [CatalogueDependency.One(CatalogueData.Products, 8), CatalogueDependency.AnyOf(CatalogueData.Categories)];

    private static readonly IReadOnlyList<CatalogueDependency> ProductList =
        [CatalogueDependency.AnyOf(CatalogueData.Products), CatalogueDependency.AnyOf(CatalogueData.Categories)];

    private static readonly IReadOnlyList<CatalogueDependency> StoreList =
        [CatalogueDependency.AnyOf(CatalogueData.Stores), CatalogueDependency.AnyOf(CatalogueData.Products), CatalogueDependency.AnyOf(CatalogueData.Users)];

    private static readonly IReadOnlyList<CatalogueDependency> CategoryList = [CatalogueDependency.AnyOf(CatalogueData.Categories)];

    private readonly CatalogueCache _cache = new(Options.Create(new CacheOptions()), TimeProvider.System);

    public CatalogueCacheDependencyTests() => _cache.StartServing();

    [Fact]
    public async Task A_product_changed_drops_its_answer_the_lists_and_the_stores_and_not_another_product_or_the_categories()
    {
        await KeepAll();

        _cache.Invalidate([new CatalogueChange(CatalogueData.Products, new HashSet<int> { 7 })]);

        Assert.False(await IsKept("product:7", ProductSeven));
        Assert.False(await IsKept("products", ProductList));
        Assert.False(await IsKept("stores", StoreList));
        Assert.True(await IsKept("product:8", ProductEight));
        Assert.True(await IsKept("categories", CategoryList));
    }

    [Fact]
    public async Task A_store_added_drops_the_store_lists_only()
    {
        await KeepAll();

        _cache.Invalidate([new CatalogueChange(CatalogueData.Stores, new HashSet<int>())]); // added here: its id not known yet

        Assert.False(await IsKept("stores", StoreList));
        Assert.True(await IsKept("product:7", ProductSeven));
        Assert.True(await IsKept("products", ProductList));
        Assert.True(await IsKept("categories", CategoryList));
    }

    [Fact]
    public async Task A_change_to_rows_not_named_drops_every_answer_about_any_of_them()
    {
        await KeepAll();

        _cache.Invalidate([new CatalogueChange(CatalogueData.Products)]);

        Assert.False(await IsKept("product:7", ProductSeven));
        Assert.False(await IsKept("product:8", ProductEight));
        Assert.True(await IsKept("categories", CategoryList));
    }

    [Fact]
    public async Task A_category_changed_drops_the_categories_and_the_products_and_not_the_stores()
    {
        await KeepAll();

        _cache.Invalidate([new CatalogueChange(CatalogueData.Categories, new HashSet<int> { 3 })]);

        Assert.False(await IsKept("product:7", ProductSeven));
        Assert.False(await IsKept("products", ProductList));
        Assert.False(await IsKept("categories", CategoryList));
        Assert.True(await IsKept("stores", StoreList));
    }

    [Fact]
    public async Task An_answer_read_while_a_change_to_what_it_shows_is_heard_is_not_kept()
    {
        var answer = await _cache.GetOrReadAsync("product:7", ProductSeven, CacheShare.Catalogue, _ =>
        {
            // Read before the change, stored after it was heard.
            _cache.Invalidate([new CatalogueChange(CatalogueData.Products, new HashSet<int> { 7 })]);
            return ValueTask.FromResult("Kettle");
        }, TestContext.Current.CancellationToken);

        Assert.Equal("Kettle", answer);
        Assert.Equal("Teapot", await _cache.GetOrReadAsync("product:7", ProductSeven, CacheShare.Catalogue, _ => ValueTask.FromResult("Teapot"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_answer_read_while_an_unrelated_change_is_heard_is_kept()
    {
        await _cache.GetOrReadAsync("product:7", ProductSeven, CacheShare.Catalogue, _ =>
        {
            _cache.Invalidate([new CatalogueChange(CatalogueData.Stores, new HashSet<int> { 1 })]);
            return ValueTask.FromResult("Kettle");
        }, TestContext.Current.CancellationToken);

        Assert.True(await IsKept("product:7", ProductSeven));
    }

    [Fact]
    public async Task An_answer_read_while_everything_was_dropped_is_not_kept()
    {
        await _cache.GetOrReadAsync("categories", CategoryList, CacheShare.Catalogue, _ =>
        {
            _cache.Invalidate();
            return ValueTask.FromResult("old");
        }, TestContext.Current.CancellationToken);

        Assert.False(await IsKept("categories", CategoryList));
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_maximum_number_of_answers()
    {
        for (var id = 1; id <= CatalogueCache.MaxEntries + 10; id++)
            await _cache.GetOrReadAsync($"product:{id}", [CatalogueDependency.One(CatalogueData.Products, id)], CacheShare.Catalogue, _ => ValueTask.FromResult("a product"), TestContext.Current.CancellationToken);

        Assert.InRange(_cache.Count, 1, CatalogueCache.MaxEntries);
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_maximum_bytes_of_answers()
    {
        var cache = new CatalogueCache(Options.Create(new CacheOptions { MaxBytes = 1 << 20 }), TimeProvider.System);
        cache.StartServing();
        var large = new string('x', 50_000); // about 100 KB: ten fit

        for (var id = 1; id <= 25; id++)
        {
            await cache.GetOrReadAsync($"product:{id}", [CatalogueDependency.One(CatalogueData.Products, id)], CacheShare.Catalogue, _ => ValueTask.FromResult(large), TestContext.Current.CancellationToken);
            Assert.InRange(cache.Bytes, 0, 1 << 20);
        }

        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public async Task Any_number_of_distinct_searches_stays_within_their_share_and_pushes_out_no_other_answer()
    {
        await KeepAll();

        for (var term = 1; term <= CatalogueCache.MaxSearchEntries + 10; term++)
            await _cache.GetOrReadAsync($"ListProducts:50:1:?{term}", ProductList, CacheShare.Searches, _ => ValueTask.FromResult("a page"), TestContext.Current.CancellationToken);

        Assert.InRange(_cache.CountOf(CacheShare.Searches), 1, CatalogueCache.MaxSearchEntries);
        Assert.Equal(5, _cache.CountOf(CacheShare.Catalogue));
        Assert.True(await IsKept("product:7", ProductSeven));
        Assert.True(await IsKept("stores", StoreList));
    }

    [Fact]
    public async Task Searches_take_at_most_a_quarter_of_the_bytes_and_a_change_to_products_drops_them()
    {
        var cache = new CatalogueCache(Options.Create(new CacheOptions { MaxBytes = 1 << 20 }), TimeProvider.System);
        cache.StartServing();
        var large = new string('x', 20_000); // about 40 KB: six fit in a quarter of 1 MiB
        await cache.GetOrReadAsync("categories", CategoryList, CacheShare.Catalogue, _ => ValueTask.FromResult("kept"), TestContext.Current.CancellationToken);

        for (var term = 1; term <= 25; term++)
        {
            await cache.GetOrReadAsync($"ListProducts:50:1:?{term}", ProductList, CacheShare.Searches, _ => ValueTask.FromResult(large), TestContext.Current.CancellationToken);
            Assert.InRange(cache.Bytes, 0, (1 << 20) / 4 + 1_000);
        }

        Assert.InRange(cache.CountOf(CacheShare.Searches), 1, 6);
        cache.Invalidate([new CatalogueChange(CatalogueData.Products, new HashSet<int> { 7 })]);
        Assert.Equal(0, cache.CountOf(CacheShare.Searches));
        Assert.Equal(1, cache.CountOf(CacheShare.Catalogue));
    }

    [Fact]
    public void An_answers_estimated_size_is_close_to_what_it_allocated()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var page = new Sample.Page(
            [.. Enumerable.Range(1, 50).Select(id => new Sample.Product(id, $"Product number {id:D6}", [new Sample.Category(id, "Fruit", "Sweet things"), new Sample.Category(id + 1, "Local", null)]))],
            Total: 1234);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(ApproximateSize.Of(page), allocated / 2, allocated * 2);
    }

    [Fact]
    public async Task A_dropped_answer_leaves_nothing_behind_and_can_be_kept_again()
    {
        await KeepAll();
        for (var round = 0; round < 3; round++)
        {
            _cache.Invalidate([new CatalogueChange(CatalogueData.Products, new HashSet<int> { 7 })]);
            await KeepAll();
        }

        Assert.Equal(5, _cache.Count);
    }

    [Theory]
    [InlineData("products:7,8", CatalogueData.Products, "7,8")]
    [InlineData("products_categories:7", CatalogueData.Products, "7")]
    [InlineData("stores_products:4", CatalogueData.Stores, "4")]
    [InlineData("stores_managers:4,5", CatalogueData.Stores, "4,5")]
    [InlineData("categories:3", CatalogueData.Categories, "3")]
    [InlineData("stores", CatalogueData.Stores, null)]
    [InlineData("users", CatalogueData.Users, null)]
    [InlineData("products:7,x", CatalogueData.Products, null)]
    public void A_payload_names_the_table_and_the_ids_when_they_fit(string payload, CatalogueData data, string? ids)
    {
        var change = Assert.Single(CatalogueTables.Parse(payload));

        Assert.Equal(data, change.Data);
        Assert.Equal(ids, change.Ids is null ? null : string.Join(",", change.Ids.Order()));
    }

    [Theory]
    [InlineData("")] // the triggers before NotifyCatalogueChangedRows
    [InlineData("something_else:1")]
    public void A_payload_that_names_nothing_known_is_a_change_to_everything(string payload) =>
        Assert.Equal(CatalogueChange.Everything, CatalogueTables.Parse(payload));

    private async Task KeepAll()
    {
        foreach (var (key, dependencies) in new[] { ("product:7", ProductSeven), ("product:8", ProductEight), ("products", ProductList), ("stores", StoreList), ("categories", CategoryList) })
            await _cache.GetOrReadAsync(key, dependencies, CacheShare.Catalogue, _ => ValueTask.FromResult(key), TestContext.Current.CancellationToken);
    }

    private async Task<bool> IsKept(string key, IReadOnlyList<CatalogueDependency> dependencies)
    {
        var read = false;
        await _cache.GetOrReadAsync(key, dependencies, CacheShare.Catalogue, _ =>
        {
            read = true;
            return ValueTask.FromResult(key);
        }, TestContext.Current.CancellationToken);
        return !read;
    }
}

/// <summary>Answers shaped as the app's: a page of products with their categories.</summary>
internal static class Sample
{
    internal sealed record Category(int Id, string Name, string? Description);

    internal sealed record Product(int Id, string Name, List<Category> Categories);

    internal sealed record Page(List<Product> Items, int Total);
}
