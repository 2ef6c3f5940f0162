namespace Overholt.Application.Caching;

/// <summary>
/// Answers to <see cref="ICatalogueQuery"/> kept in memory on this node and dropped, all together, whenever any node
/// commits a change to the catalogue. Where the database cannot tell every node about changes the cache is off and
/// every read goes to the database.
/// </summary>
public interface IReadCache
{
    /// <summary>Whether answers are kept at the moment (the node hears about every change).</summary>
    bool IsServing { get; }

    /// <summary>The kept answer for <paramref name="key"/>, or <paramref name="read"/>'s, kept unless the catalogue changed meanwhile.</summary>
    ValueTask<T> GetOrReadAsync<T>(string key, Func<CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken);

    /// <summary>Drops every kept answer: the catalogue has changed.</summary>
    void Invalidate();
}
