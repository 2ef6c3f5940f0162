using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Overholt.Application.Caching;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// The node's <see cref="IReadCache"/>: one generation of answers at a time, replaced whole when the catalogue changes.
/// It keeps nothing until a change feed (<see cref="CatalogueChangeFeed"/>) says it hears every change, and stops
/// keeping anything when the feed is lost. A kept answer is given only while the feed's last proof of hearing (its
/// own heartbeat come back) is less than <see cref="CacheOptions.StaleAfter"/> old, and only until it is
/// <see cref="CacheOptions.MaxEntryAge"/> old.
/// </summary>
public sealed class CatalogueCache : IReadCache
{
    /// <summary>
    /// Bounds memory whatever ids and pages clients ask for. When full, the cache starts over, so a client asking for
    /// thousands of empty pages costs reads, not a cache that keeps nothing more.
    /// </summary>
    public const int MaxEntries = 20_000;

    private readonly TimeProvider _time;
    private readonly long _staleAfter;
    private readonly long _maxEntryAge;
    private readonly long _askedResolution;
    private readonly Lock _transition = new();
    private Generation? _current; // null: not serving
    private long _confirmedUntil; // timestamp: kept answers may be given until then
    private long _askedAt; // timestamp of a recent read, to within _askedResolution

    public CatalogueCache(IOptions<CacheOptions> options, TimeProvider time)
    {
        _time = time;
        _staleAfter = Ticks(options.Value.StaleAfter);
        _maxEntryAge = Ticks(options.Value.MaxEntryAge);
        _askedResolution = Ticks(TimeSpan.FromMilliseconds(100));
        _askedAt = time.GetTimestamp() - _staleAfter - _askedResolution;
    }

    public bool IsServing => Volatile.Read(ref _current) is not null;

    public async ValueTask<T> GetOrReadAsync<T>(string key, Func<CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _current);
        if (generation is null)
            return await read(cancellationToken);

        var now = _time.GetTimestamp();
        if (now - Volatile.Read(ref _askedAt) > _askedResolution)
            Volatile.Write(ref _askedAt, now);
        if (generation.Answers.TryGetValue(key, out var kept) && now - kept.ReadAt <= _maxEntryAge && now <= Volatile.Read(ref _confirmedUntil))
            return (T)kept.Answer;

        var answer = await read(cancellationToken);
        // Kept only if no change was heard while reading: an answer read before a change must not outlive it. Read
        // while not confirmed, it is kept too: changes are heard in commit order, so once a later heartbeat comes
        // back, every change committed before this read has dropped the generation or not happened.
        if (answer is not null && ReferenceEquals(Volatile.Read(ref _current), generation))
        {
            if (generation.Answers.Count >= MaxEntries)
                StartOver(generation);
            else
                generation.Answers[key] = new Kept(answer, ReadAt: now);
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
        {
            // Nothing in the new generation was read before now: it is as current as a heartbeat sent now.
            Volatile.Write(ref _confirmedUntil, _time.GetTimestamp() + _staleAfter);
            Volatile.Write(ref _current, new Generation());
        }
    }

    /// <summary>Changes may go unheard: drop everything and read from the database until serving starts again.</summary>
    public void StopServing()
    {
        lock (_transition)
            Volatile.Write(ref _current, null);
    }

    /// <summary>
    /// Every change committed before <paramref name="sentAt"/> (a timestamp of <see cref="TimeProvider.GetTimestamp"/>)
    /// has been heard: the node's heartbeat sent then has come back. Kept answers may be given for
    /// <see cref="CacheOptions.StaleAfter"/> from then.
    /// </summary>
    public void Confirm(long sentAt)
    {
        var until = sentAt + _staleAfter;
        if (until > Volatile.Read(ref _confirmedUntil))
            Volatile.Write(ref _confirmedUntil, until);
    }

    /// <summary>Whether the cache was read within <paramref name="window"/>: while it is, the feed keeps proving it hears every change.</summary>
    public bool WasReadWithin(TimeSpan window) => _time.GetTimestamp() - Volatile.Read(ref _askedAt) <= Ticks(window) + _askedResolution;

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private sealed record Kept(object Answer, long ReadAt);

    private sealed class Generation
    {
        public ConcurrentDictionary<string, Kept> Answers { get; } = new(StringComparer.Ordinal);
    }
}
