using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Categories.Specifications;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Queries.ListCategories;

[AllowSignedInUsers]
public sealed record ListCategories(int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null, string? Sort = null)
    : IQuery<Page<CategoryDto>>, ISearchRequest, ISortedRequest, ICatalogueQuery
{
    public string? CacheKey => CatalogueKey.Page(nameof(ListCategories), this, Sort);

    /// <summary>Which categories are on the page; nothing of products.</summary>
    public IReadOnlyList<CatalogueDependency> Dependencies => CategoriesDependencies;

    private static readonly IReadOnlyList<CatalogueDependency> CategoriesDependencies = [CatalogueDependency.AnyOf(CatalogueData.Categories)];
}

public sealed class ListCategoriesHandler(IReadRepository<Category> categories) : IQueryHandler<ListCategories, Page<CategoryDto>>
{
    public async ValueTask<Page<CategoryDto>> Handle(ListCategories query, CancellationToken cancellationToken) =>
        await categories.ProjectToPageAsync<CategoryDto>(new CategoriesInOrderSpec(query.Search, query.Sort), query, cancellationToken);
}

public sealed class ListCategoriesValidator : SearchRequestValidator<ListCategories>
{
    public ListCategoriesValidator() => RuleFor(query => query.Sort).SortOver(CategorySorting.Fields);
}
