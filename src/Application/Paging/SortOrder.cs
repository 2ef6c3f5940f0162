namespace Overholt.Application.Paging;

/// <summary>One field of a sort, and its direction.</summary>
public sealed record SortField(string Name, bool Descending);

/// <summary>
/// A sort as a client writes it, <c>state,-name</c>, read strictly: no spaces, no empty items, no field twice, so that
/// every distinct order has exactly one spelling (the read cache keys on it).
/// </summary>
public static class SortOrder
{
    /// <summary>Longer than any valid sort of any list: refused before it is split.</summary>
    public const int MaxLength = 100;

    public const char Separator = ',';

    public const char DescendingMark = '-';

    /// <summary>The fields of <paramref name="sort"/> if every one is in <paramref name="allowed"/>, once; null if not.</summary>
    public static IReadOnlyList<SortField>? Parse(string sort, IReadOnlyCollection<string> allowed)
    {
        if (sort.Length > MaxLength)
            return null;
        var fields = new List<SortField>();
        foreach (var item in sort.Split(Separator))
        {
            var descending = item.StartsWith(DescendingMark);
            var name = descending ? item[1..] : item;
            if (!allowed.Contains(name) || fields.Exists(field => field.Name == name))
                return null;
            fields.Add(new SortField(name, descending));
        }

        return fields;
    }

    /// <summary>
    /// The sort's spelling for a cache key if it is the default (empty) or one field, the orders the admin pages' column
    /// headers ask for; null for longer sorts, so that the many orders of several fields cannot each fill the cache.
    /// </summary>
    public static string? CacheableSpelling(string? sort) =>
        sort is null ? string.Empty : sort.Contains(Separator, StringComparison.Ordinal) ? null : sort;
}
