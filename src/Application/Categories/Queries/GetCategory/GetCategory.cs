using Mediator;
using Overholt.Application.Caching;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Queries.GetCategory;

[AllowSignedInUsers]
public sealed record GetCategory(int CategoryId) : IQuery<Versioned<CategoryDto>>, ICatalogueQuery
{
    public string CacheKey => CatalogueKey.One(nameof(GetCategory), CategoryId);

    /// <summary>The category's row, nothing else.</summary>
    public IReadOnlyList<CatalogueDependency> Dependencies => [CatalogueDependency.One(CatalogueData.Categories, CategoryId)];
}

public sealed class GetCategoryHandler(IReadRepository<Category> categories) : IQueryHandler<GetCategory, Versioned<CategoryDto>>
{
    public async ValueTask<Versioned<CategoryDto>> Handle(GetCategory query, CancellationToken cancellationToken) =>
        await categories.ProjectByIdAsync<Versioned<CategoryDto>>(query.CategoryId, cancellationToken)
            ?? throw new NotFoundException(nameof(Category), query.CategoryId);
}
