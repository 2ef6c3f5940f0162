using Ardalis.Specification;
using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Products;
using Overholt.Application.Security;
using Overholt.Domain.Products;

namespace Overholt.Application.Stores.Queries.ListProductsNotCarried;

/// <summary>Products the store does not carry yet (what it could add), by name; <c>Search</c> narrows them.</summary>
[AllowSignedInUsers]
public sealed record ListProductsNotCarried(int StoreId, int Page = 1, int PageSize = IPagedRequest.MaxPageSize, string? Search = null)
    : IQuery<Page<ProductDto>>, ISearchRequest;

public sealed class ListProductsNotCarriedHandler(IReadRepository<Product> products) : IQueryHandler<ListProductsNotCarried, Page<ProductDto>>
{
    public async ValueTask<Page<ProductDto>> Handle(ListProductsNotCarried query, CancellationToken cancellationToken) =>
        await products.ProjectToPageAsync<ProductDto>(new NotCarriedSpec(query.StoreId, query.Search), query, cancellationToken);

    private sealed class NotCarriedSpec : Specification<Product>
    {
        public NotCarriedSpec(int storeId, string? search)
        {
            Query.Where(product => !product.CarriedBy.Any(carried => carried.StoreId == storeId));
            if (!string.IsNullOrWhiteSpace(search))
                Query.Search(product => product.Name, SearchPattern.Containing(search));
            Query.OrderBy(product => product.Name).ThenBy(product => product.Id).AsSplitQuery();
        }
    }
}

public sealed class ListProductsNotCarriedValidator : SearchRequestValidator<ListProductsNotCarried>;
