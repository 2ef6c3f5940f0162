using Mediator;
using Overholt.Application.Caching;
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

/// <summary>
/// What the admin dashboard shows: how many of each resource, the latest few, and charts of where the stores are, what
/// the products are, and what was added over the last <see cref="Days"/> days. All of it catalogue, so kept like the
/// other catalogue answers (the day changes under a kept answer for at most the cache's maximum entry age).
/// </summary>
[AllowSignedInUsers]
public sealed record GetDashboard(int Latest = 5) : IQuery<DashboardDto>, ICatalogueQuery
{
    public const int Days = 30;
    public const int TopCategories = 15;

    public string CacheKey => $"dashboard:{Latest}";

    /// <summary>Counts, latest rows and charts of everything, stores with their managers' emails.</summary>
    public IReadOnlyList<CatalogueDependency> Dependencies => CatalogueDependency.Everything;
}

public sealed record DashboardDto(
    int StoreCount,
    int ProductCount,
    int CategoryCount,
    IReadOnlyList<StoreDto> LatestStores,
    IReadOnlyList<ProductDto> LatestProducts,
    IReadOnlyList<CategoryDto> LatestCategories,
    IReadOnlyList<ChartBar> StoresPerState,
    IReadOnlyList<ChartBar> ProductsPerCategory,
    IReadOnlyList<CreationsOnDay> CreationsPerDay);

public sealed class GetDashboardHandler(
    IReadRepository<Store> stores,
    IReadRepository<Product> products,
    IReadRepository<Category> categories,
    IUserDirectory users,
    IDashboardStatistics statistics,
    TimeProvider clock)
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
            await categories.ProjectToListAsync<CategoryDto>(new LatestSpec<Category>(query.Latest), cancellationToken),
            await statistics.StoresPerStateAsync(cancellationToken),
            await statistics.ProductsPerCategoryAsync(GetDashboard.TopCategories, cancellationToken),
            EveryDay(await statistics.CreationsPerDayAsync(FirstDay(), cancellationToken)));
    }

    private DateOnly FirstDay() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1 - GetDashboard.Days);

    /// <summary>One entry per day of the period, quiet days included, so the chart's axis is the calendar.</summary>
    private List<CreationsOnDay> EveryDay(IReadOnlyList<CreationsOnDay> busyDays)
    {
        var first = FirstDay();
        var byDay = busyDays.ToDictionary(day => day.Day);
        return [.. Enumerable.Range(0, GetDashboard.Days).Select(offset => first.AddDays(offset)).Select(day => byDay.GetValueOrDefault(day) ?? new CreationsOnDay(day, 0, 0, 0))];
    }
}
