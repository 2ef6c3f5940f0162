using System.Collections.Concurrent;
using Overholt.Application.Caching;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// The node's <see cref="IReadCache"/>: one generation of answers at a time, replaced whole when the catalogue changes.
/// It keeps nothing until a change feed (<see cref="CatalogueChangeFeed"/>) says it hears every change, and stops
/// keeping anything when the feed is lost.
/// </summary>
public sealed class CatalogueCache : IReadCache
{
    /// <summary>
    /// Bounds memory whatever ids and pages clients ask for. When full, the cache starts over, so a client asking for
    /// thousands of empty pages costs reads, not a cache that keeps nothing more.
    /// </summary>
    public const int MaxEntries = 20_000;

    private readonly Lock _transition = new();
    private Generation? _current; // null: not serving

    public bool IsServing => Volatile.Read(ref _current) is not null;

    public async ValueTask<T> GetOrReadAsync<T>(string key, Func<CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _current);
        if (generation is null)
            return await read(cancellationToken);
        if (generation.Answers.TryGetValue(key, out var kept))
            return (T)kept;

        var answer = await read(cancellationToken);
        // Kept only if no change was heard while reading: an answer read before a change must not outlive it.
        if (answer is not null && ReferenceEquals(Volatile.Read(ref _current), generation))
        {
            if (generation.Answers.Count >= MaxEntries)
                StartOver(generation);
            else
                generation.Answers.TryAdd(key, answer);
        }

        return answer;
    }

    public void Invalidate()
    {
        lock (_transition)
        {
            if (_current is not null)
                Volatile.Write(ref _current, new Generation());
        }
    }

    private void StartOver(Generation full)
    {
        lock (_transition)
        {
            if (ReferenceEquals(_current, full))
                Volatile.Write(ref _current, new Generation());
        }
    }

    /// <summary>The node now hears every change committed from here on: start keeping answers.</summary>
    public void StartServing()
    {
        lock (_transition)
            Volatile.Write(ref _current, new Generation());
    }

    /// <summary>Changes may go unheard: drop everything and read from the database until serving starts again.</summary>
    public void StopServing()
    {
        lock (_transition)
            Volatile.Write(ref _current, null);
    }

    private sealed class Generation
    {
        public ConcurrentDictionary<string, object> Answers { get; } = new(StringComparer.Ordinal);
    }
}
