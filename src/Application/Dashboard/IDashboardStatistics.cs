namespace Overholt.Application.Dashboard;

/// <summary>Counts over the whole catalogue for the dashboard's charts, each one grouped in the database.</summary>
public interface IDashboardStatistics
{
    /// <summary>How many stores each state has, by state.</summary>
    Task<IReadOnlyList<ChartBar>> StoresPerStateAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> categories with the most products, most first.</summary>
    Task<IReadOnlyList<ChartBar>> ProductsPerCategoryAsync(int top, CancellationToken cancellationToken);

    /// <summary>Stores, products and categories created on each day (UTC) from <paramref name="since"/> on; days with none are left out.</summary>
    Task<IReadOnlyList<CreationsOnDay>> CreationsPerDayAsync(DateOnly since, CancellationToken cancellationToken);
}

/// <summary>One bar of a chart: what it stands for, and how many.</summary>
public sealed record ChartBar(string Label, int Count);

public sealed record CreationsOnDay(DateOnly Day, int Stores, int Products, int Categories)
{
    public int Total => Stores + Products + Categories;
}
