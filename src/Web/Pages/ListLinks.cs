using Microsoft.AspNetCore.Http.Extensions;

namespace Overholt.Web.Pages;

/// <summary>
/// Links of a list page built from the query string it was read with, changing only what the link changes: the
/// pager's and the column headers' links keep the search, the filters and the order.
/// </summary>
public static class ListLinks
{
    /// <summary>The current query with each change applied (a null value removes the parameter), as <c>?a=1&amp;b=2</c>.</summary>
    public static string With(IQueryCollection query, params (string Key, string? Value)[] changes)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (changes.Any(change => string.Equals(change.Key, key, StringComparison.OrdinalIgnoreCase)))
                continue;
            foreach (var value in values)
                builder.Add(key, value ?? string.Empty);
        }

        foreach (var (key, value) in changes)
        {
            if (value is not null)
                builder.Add(key, value);
        }

        return builder.ToQueryString().Value is { Length: > 0 } text ? text : "?";
    }

    /// <summary>
    /// The page numbers a pager shows around <paramref name="current"/>: the first, the last, and
    /// <paramref name="around"/> either side; a null marks a gap. Never one link per page: a catalogue has thousands.
    /// </summary>
    public static IReadOnlyList<int?> Window(int current, int count, int around = 2)
    {
        var numbers = new SortedSet<int> { 1, count };
        for (var number = Math.Max(1, current - around); number <= Math.Min(count, current + around); number++)
            numbers.Add(number);
        var window = new List<int?>();
        var previous = 0;
        foreach (var number in numbers)
        {
            if (number > previous + 1)
                window.Add(null);
            window.Add(number);
            previous = number;
        }

        return window;
    }
}
