namespace Overholt.Application.Caching;

/// <summary>
/// A read of the catalogue (products, categories, stores with their products and managers' emails) whose answer is
/// the same for every caller allowed to ask it, so a node may answer it from memory until the catalogue changes
/// (see <see cref="IReadCache"/>). Authorization and validation still run for every request.
/// </summary>
public interface ICatalogueQuery
{
    /// <summary>What identifies the answer (<see cref="CatalogueKey"/>); null when it is not kept (see <see cref="CatalogueKey.Page"/>).</summary>
    string? CacheKey { get; }

    /// <summary>
    /// What the answer shows, read from which tables: a change to any of it drops the answer, a change to anything else
    /// leaves it kept. Declared here, next to what the handler reads; a dependency missing here is a stale answer.
    /// </summary>
    IReadOnlyList<CatalogueDependency> Dependencies { get; }
}
