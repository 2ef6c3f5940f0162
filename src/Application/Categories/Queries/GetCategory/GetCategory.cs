using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Queries.GetCategory;

public sealed record GetCategory(int CategoryId) : IQuery<CategoryDto>;

public sealed class GetCategoryHandler(IReadRepository<Category> categories) : IQueryHandler<GetCategory, CategoryDto>
{
    public async ValueTask<CategoryDto> Handle(GetCategory query, CancellationToken cancellationToken) =>
        await categories.ProjectToFirstOrDefaultAsync<CategoryDto>(new ByIdSpec<Category>(query.CategoryId), cancellationToken)
            ?? throw new NotFoundException(nameof(Category), query.CategoryId);
}
