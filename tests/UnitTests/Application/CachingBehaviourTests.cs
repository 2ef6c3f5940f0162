using NSubstitute;
using Overholt.Application.Behaviours;
using Overholt.Application.Caching;
using Overholt.Application.Concurrency;
using Overholt.Application.Paging;
using Overholt.Application.Products;
using Overholt.Application.Products.Queries.GetProduct;
using Overholt.Application.Products.Queries.ListProducts;
using Overholt.Application.Stores.Commands.CreateStore;

namespace Overholt.UnitTests.Application;

public sealed class CachingBehaviourTests
{
    private readonly IReadCache _cache = Substitute.For<IReadCache>();

    [Fact]
    public async Task A_catalogue_read_is_asked_of_the_cache_under_its_key()
    {
        var kept = new Versioned<ProductDto> { Value = new ProductDto { Id = 7, Name = "Kettle" }, Version = 3 };
        _cache.GetOrReadAsync("GetProduct:7", Arg.Any<Func<CancellationToken, ValueTask<Versioned<ProductDto>>>>(), Arg.Any<CancellationToken>())
            .Returns(kept);
        var behaviour = new CachingBehaviour<GetProduct, Versioned<ProductDto>>(_cache);

        var answer = await behaviour.Handle(new GetProduct(7), (_, _) => throw new InvalidOperationException("the handler ran"), CancellationToken.None);

        Assert.Same(kept, answer);
    }

    [Fact]
    public async Task A_search_and_a_command_go_to_their_handler_and_not_to_the_cache()
    {
        var page = new Page<ProductDto>([], 1, 50, 0);
        var search = new CachingBehaviour<ListProducts, Page<ProductDto>>(_cache);
        var create = new CachingBehaviour<CreateStore, int>(_cache);

        Assert.Same(page, await search.Handle(new ListProducts(Search: "kettle"), (_, _) => ValueTask.FromResult(page), CancellationToken.None));
        Assert.Equal(5, await create.Handle(new CreateStore("Shop", "1 Main St", "Portland", "OR", "97201"), (_, _) => ValueTask.FromResult(5), CancellationToken.None));

        Assert.Empty(_cache.ReceivedCalls());
    }

    [Theory]
    [InlineData(1, 50, null, "ListProducts:1")]
    [InlineData(2, 50, "  ", "ListProducts:2")]
    [InlineData(1, 10, null, null)]
    [InlineData(1, 200, null, null)]
    [InlineData(1, 50, "kettle", null)]
    public void Only_unsearched_pages_of_the_default_size_are_kept(int page, int size, string? search, string? key) =>
        Assert.Equal(key, new ListProducts(page, size, search).CacheKey);
}
