using Mediator;
using Overholt.Application.Categories;
using Overholt.Application.Persistence;
using Overholt.Application.Products;
using Overholt.Application.Security;
using Overholt.Application.Stores;
using Overholt.Application.Users;
using Overholt.Domain.Categories;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;

namespace Overholt.Application.Dashboard.Queries.GetDashboard;

/// <summary>What the admin dashboard shows: how many of each resource, and the latest few.</summary>
[AllowSignedInUsers]
public sealed record GetDashboard(int Latest = 5) : IQuery<DashboardDto>;

public sealed record DashboardDto(
    int StoreCount,
    int ProductCount,
    int CategoryCount,
    IReadOnlyList<StoreDto> LatestStores,
    IReadOnlyList<ProductDto> LatestProducts,
    IReadOnlyList<CategoryDto> LatestCategories);

public sealed class GetDashboardHandler(
    IReadRepository<Store> stores, IReadRepository<Product> products, IReadRepository<Category> categories, IUserDirectory users)
    : IQueryHandler<GetDashboard, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var latestStores = await stores.ProjectToListAsync<StoreDto>(new LatestSpec<Store>(query.Latest), cancellationToken);
        await users.FillManagerEmailsAsync(latestStores, cancellationToken);
        return new(
            await stores.CountAsync(cancellationToken),
            await products.CountAsync(cancellationToken),
            await categories.CountAsync(cancellationToken),
            latestStores,
            await products.ProjectToListAsync<ProductDto>(new LatestSpec<Product>(query.Latest), cancellationToken),
            await categories.ProjectToListAsync<CategoryDto>(new LatestSpec<Category>(query.Latest), cancellationToken));
    }
}
