using NSubstitute;
using Overholt.Application.Behaviours;
using Overholt.Application.Caching;
using Overholt.Application.Categories.Queries.ListCategories;
using Overholt.Application.Concurrency;
using Overholt.Application.Paging;
using Overholt.Application.Products;
using Overholt.Application.Products.Queries.GetProduct;
using Overholt.Application.Products.Queries.ListProducts;
using Overholt.Application.Stores.Commands.CreateStore;
using Overholt.Application.Stores.Queries.ListStores;

namespace Overholt.UnitTests.Application;

public sealed class CachingBehaviourTests
{
    private readonly IReadCache _cache = Substitute.For<IReadCache>();

    [Fact]
    public async Task A_catalogue_read_is_asked_of_the_cache_under_its_key()
    {
        var kept = new Versioned<ProductDto> { Value = new ProductDto { Id = 7, Name = "Kettle" }, Version = 3 };
        _cache.GetOrReadAsync("GetProduct:7", Arg.Any<IReadOnlyList<CatalogueDependency>>(), CacheShare.Catalogue, Arg.Any<Func<CancellationToken, ValueTask<Versioned<ProductDto>>>>(), Arg.Any<CancellationToken>())
            .Returns(kept);
        var behaviour = new CachingBehaviour<GetProduct, Versioned<ProductDto>>(_cache);

        var answer = await behaviour.Handle(new GetProduct(7), (_, _) => throw new InvalidOperationException("the handler ran"), CancellationToken.None);

        Assert.Same(kept, answer);
    }

    [Fact]
    public async Task A_search_is_asked_of_the_searches_share_of_the_cache()
    {
        var kept = new Page<ProductDto>([], 1, 50, 0);
        _cache.GetOrReadAsync("ListProducts:50:1:?kettle", Arg.Any<IReadOnlyList<CatalogueDependency>>(), CacheShare.Searches, Arg.Any<Func<CancellationToken, ValueTask<Page<ProductDto>>>>(), Arg.Any<CancellationToken>())
            .Returns(kept);
        var behaviour = new CachingBehaviour<ListProducts, Page<ProductDto>>(_cache);

        var answer = await behaviour.Handle(new ListProducts(Search: " Kettle "), (_, _) => throw new InvalidOperationException("the handler ran"), CancellationToken.None);

        Assert.Same(kept, answer);
    }

    [Fact]
    public async Task A_command_and_a_page_not_kept_go_to_their_handler_and_not_to_the_cache()
    {
        var page = new Page<ProductDto>([], 1, 10, 0);
        var list = new CachingBehaviour<ListProducts, Page<ProductDto>>(_cache);
        var create = new CachingBehaviour<CreateStore, int>(_cache);

        Assert.Same(page, await list.Handle(new ListProducts(PageSize: 10, Search: "kettle"), (_, _) => ValueTask.FromResult(page), CancellationToken.None));
        Assert.Equal(5, await create.Handle(new CreateStore("Shop", "1 Main St", "Portland", "OR", "97201"), (_, _) => ValueTask.FromResult(5), CancellationToken.None));

        Assert.Empty(_cache.ReceivedCalls());
    }

    [Theory]
    [InlineData(1, IPagedRequest.DefaultPageSize, null, null, "ListProducts:50:1:")]
    [InlineData(2, IPagedRequest.DefaultPageSize, "  ", null, "ListProducts:50:2:")]
    [InlineData(3, IPagedRequest.AdminListPageSize, null, null, "ListProducts:20:3:")]
    [InlineData(1, IPagedRequest.MaxPageSize, null, null, "ListProducts:200:1:")]
    [InlineData(1, IPagedRequest.AdminListPageSize, null, "-name", "ListProducts:20:1:-name")]
    [InlineData(1, IPagedRequest.AdminListPageSize, null, "name,-id", null)]
    [InlineData(1, 10, null, null, null)]
    [InlineData(1, 199, null, null, null)]
    [InlineData(1, 50, "kettle", null, "ListProducts:50:1:?kettle")]
    [InlineData(2, 20, " KeTTle ", "-name", "ListProducts:20:2:-name?kettle")] // as the database compares it
    [InlineData(1, 20, "a:b?c", null, "ListProducts:20:1:?a:b?c")]
    [InlineData(1, 10, "kettle", null, null)]
    [InlineData(1, 20, "kettle", "name,-id", null)]
    public void Only_pages_of_the_sizes_the_app_asks_for_in_one_field_orders_are_kept_searched_or_not(int page, int size, string? search, string? sort, string? key) =>
        Assert.Equal(key, new ListProducts(page, size, search, Sort: sort).CacheKey);

    [Fact]
    public void A_filtered_page_is_not_kept() =>
        Assert.Null(new ListProducts(1, IPagedRequest.DefaultPageSize, InCategoryId: 3).CacheKey);

    [Fact]
    public void Pages_of_different_sizes_are_kept_apart() =>
        Assert.NotEqual(new ListCategories(1, IPagedRequest.AdminListPageSize).CacheKey, new ListCategories(1, IPagedRequest.MaxPageSize).CacheKey);

    [Fact]
    public void A_client_walking_every_page_size_leaves_at_most_three_copies_of_a_list()
    {
        var keys = Enumerable.Range(1, IPagedRequest.MaxPageSize)
            .SelectMany(size => new string?[] { new ListProducts(1, size).CacheKey, new ListCategories(1, size).CacheKey, new ListStores(1, size).CacheKey })
            .OfType<string>()
            .ToList();

        Assert.Equal(9, keys.Count);
        Assert.Equal(9, keys.Distinct().Count());
    }
}
