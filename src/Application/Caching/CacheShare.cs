namespace Overholt.Application.Caching;

/// <summary>
/// Which part of a node's <see cref="IReadCache"/> keeps an answer. Searches have a part of their own, bounded apart:
/// any number of distinct search texts (hostile ones included) can only push out other searches, never the pages and
/// reads every client shares.
/// </summary>
public enum CacheShare
{
    /// <summary>Reads by id and unsearched list pages.</summary>
    Catalogue,

    /// <summary>List pages narrowed by a search text.</summary>
    Searches,
}
