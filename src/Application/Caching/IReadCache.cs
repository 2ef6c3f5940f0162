namespace Overholt.Application.Caching;

/// <summary>
/// Answers to <see cref="ICatalogueQuery"/> kept in memory on this node, each dropped when any node commits a change
/// to what it depends on (<see cref="ICatalogueQuery.Dependencies"/>). Where the database cannot tell every node about changes the cache is off and
/// every read goes to the database.
/// </summary>
public interface IReadCache
{
    /// <summary>Whether answers are kept at the moment (the node hears about every change).</summary>
    bool IsServing { get; }

    /// <summary>
    /// The kept answer for <paramref name="key"/>, or <paramref name="read"/>'s, kept in <paramref name="share"/> unless
    /// what it depends on changed meanwhile.
    /// </summary>
    ValueTask<T> GetOrReadAsync<T>(string key, IReadOnlyList<CatalogueDependency> dependencies, CacheShare share, Func<CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken);

    /// <summary>Drops every kept answer: the catalogue has changed, in ways not told apart.</summary>
    void Invalidate();

    /// <summary>Drops the kept answers that depend on any of <paramref name="changes"/>.</summary>
    void Invalidate(IReadOnlyCollection<CatalogueChange> changes);
}
