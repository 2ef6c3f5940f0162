using Microsoft.EntityFrameworkCore;
using Overholt.Application.Dashboard;
using Overholt.Domain.Primitives;

namespace Overholt.Infrastructure.Persistence;

/// <summary>The dashboard's counts, each one GROUP BY statement (over 100,000 products, a few tens of milliseconds).</summary>
internal sealed class DashboardStatistics(OverholtDbContext db) : IDashboardStatistics
{
    public async Task<IReadOnlyList<ChartBar>> StoresPerStateAsync(CancellationToken cancellationToken) =>
        await db.Stores.AsNoTracking()
            .GroupBy(store => store.State)
            .OrderBy(state => state.Key)
            .Select(state => new ChartBar(state.Key, state.Count()))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ChartBar>> ProductsPerCategoryAsync(int top, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .SelectMany(product => product.Categories)
            .GroupBy(category => category.Name)
            .OrderByDescending(category => category.Count()).ThenBy(category => category.Key)
            .Take(top)
            .Select(category => new ChartBar(category.Key, category.Count()))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CreationsOnDay>> CreationsPerDayAsync(DateOnly since, CancellationToken cancellationToken)
    {
        var stores = await PerDayAsync(db.Stores, since, cancellationToken);
        var products = await PerDayAsync(db.Products, since, cancellationToken);
        var categories = await PerDayAsync(db.Categories, since, cancellationToken);
        return [.. stores.Keys.Union(products.Keys).Union(categories.Keys).Order()
            .Select(day => new CreationsOnDay(day, stores.GetValueOrDefault(day), products.GetValueOrDefault(day), categories.GetValueOrDefault(day)))];
    }

    private static async Task<Dictionary<DateOnly, int>> PerDayAsync<T>(IQueryable<T> rows, DateOnly since, CancellationToken cancellationToken)
        where T : Entity
    {
        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var days = await rows.AsNoTracking()
            .Select(row => EF.Property<DateTime?>(row, CreationTimes.Property))
            .Where(created => created >= from)
            .GroupBy(created => created!.Value.Date)
            .Select(day => new { day.Key, Count = day.Count() })
            .ToListAsync(cancellationToken);
        return days.ToDictionary(day => DateOnly.FromDateTime(day.Key), day => day.Count);
    }
}
