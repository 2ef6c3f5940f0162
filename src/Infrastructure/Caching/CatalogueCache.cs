using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Overholt.Application.Caching;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// The node's <see cref="IReadCache"/>: answers kept with what each depends on (<see cref="ICatalogueQuery.Dependencies"/>),
/// dropped by a change to any of it, and only by that. It keeps nothing until a change feed
/// (<see cref="CatalogueChangeFeed"/>) says it hears every change, and stops keeping anything when the feed is lost;
/// a change it cannot tell apart drops everything. A kept answer is given only while the feed's last proof of hearing
/// (its own heartbeat come back) is less than <see cref="CacheOptions.StaleAfter"/> old, and only until it is
/// <see cref="CacheOptions.MaxEntryAge"/> old.
/// <para>
/// An answer read while a change to what it depends on was heard is not kept: each kind of <see cref="CatalogueData"/>
/// counts the changes heard to it, a read notes the counts of what it depends on before it starts, and its answer is
/// kept only if they are the same when it is stored. Counting and dropping, checking and storing, each happen under one
/// lock, so a change is either counted before the check (the answer is not kept) or drops the stored answer.
/// </para>
/// </summary>
public sealed class CatalogueCache : IReadCache
{
    /// <summary>
    /// Bounds memory whatever ids and pages clients ask for, with three quarters of <see cref="CacheOptions.MaxBytes"/>
    /// for large answers. When full, the share starts over, so a client asking for thousands of empty pages costs
    /// reads, not a cache that keeps nothing more.
    /// </summary>
    public const int MaxEntries = 20_000;

    /// <summary>
    /// The same for searches (<see cref="CacheShare.Searches"/>), with the last quarter of <see cref="CacheOptions.MaxBytes"/>:
    /// a client sending a new search text each time starts the searches over, and leaves every other answer kept.
    /// </summary>
    public const int MaxSearchEntries = 10_000;

    private static readonly int Kinds = Enum.GetValues<CatalogueData>().Length;

    private readonly TimeProvider _time;
    private readonly long _staleAfter;
    private readonly long _maxEntryAge;
    private readonly long _askedResolution;
    private readonly Limit[] _limits; // per CacheShare
    private readonly Lock _transition = new();
    private readonly long[] _changesHeard = new long[Kinds]; // per CatalogueData; written under _transition
    private Generation? _current; // null: not serving
    private long _confirmedUntil; // timestamp: kept answers may be given until then
    private long _askedAt; // timestamp of a recent read, to within _askedResolution

    public CatalogueCache(IOptions<CacheOptions> options, TimeProvider time)
    {
        _time = time;
        _staleAfter = Ticks(options.Value.StaleAfter);
        _maxEntryAge = Ticks(options.Value.MaxEntryAge);
        _askedResolution = Ticks(TimeSpan.FromMilliseconds(100));
        var searchBytes = options.Value.MaxBytes / 4;
        _limits = [new Limit(MaxEntries, options.Value.MaxBytes - searchBytes), new Limit(MaxSearchEntries, searchBytes)];
        _askedAt = time.GetTimestamp() - _staleAfter - _askedResolution;
    }

    public bool IsServing => Volatile.Read(ref _current) is not null;

    /// <summary>About how many bytes the kept answers take (<see cref="ApproximateSize"/>).</summary>
    public long Bytes
    {
        get
        {
            lock (_transition)
                return _current?.Bytes ?? 0;
        }
    }

    /// <summary>How many answers are kept at the moment.</summary>
    public int Count
    {
        get
        {
            lock (_transition)
                return _current?.Count ?? 0;
        }
    }

    /// <summary>How many answers <paramref name="share"/> keeps at the moment.</summary>
    public int CountOf(CacheShare share)
    {
        lock (_transition)
            return _current?.UsageOf(share).Count ?? 0;
    }

    public async ValueTask<T> GetOrReadAsync<T>(string key, IReadOnlyList<CatalogueDependency> dependencies, CacheShare share, Func<CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _current);
        if (generation is null)
            return await read(cancellationToken);

        var now = _time.GetTimestamp();
        if (now - Volatile.Read(ref _askedAt) > _askedResolution)
            Volatile.Write(ref _askedAt, now);
        if (generation.Answers.TryGetValue(key, out var kept) && now - kept.ReadAt <= _maxEntryAge && now <= Volatile.Read(ref _confirmedUntil))
            return (T)kept.Answer;

        var heardBefore = ChangesHeard(dependencies);
        var answer = await read(cancellationToken);
        // Kept only if no change to what it depends on was heard while reading: an answer read before a change must not
        // outlive it. Read while not confirmed, it is kept too: changes are heard in commit order, so once a later
        // heartbeat comes back, every change committed before this read has dropped it or not happened.
        if (answer is not null)
            Keep(generation, key, new Kept(answer, dependencies, share, ReadAt: now, Bytes: (2L * key.Length) + ApproximateSize.Of(answer)), heardBefore);

        return answer;
    }

    public void Invalidate()
    {
        lock (_transition)
        {
            for (var kind = 0; kind < Kinds; kind++)
                _changesHeard[kind]++;
            if (_current is not null)
                Volatile.Write(ref _current, new Generation());
        }
    }

    public void Invalidate(IReadOnlyCollection<CatalogueChange> changes)
    {
        lock (_transition)
        {
            foreach (var change in changes)
            {
                _changesHeard[(int)change.Data]++;
                _current?.Drop(change);
            }
        }
    }

    private long[] ChangesHeard(IReadOnlyList<CatalogueDependency> dependencies)
    {
        var heard = new long[Kinds];
        lock (_transition)
        {
            foreach (var dependency in dependencies)
                heard[(int)dependency.Data] = _changesHeard[(int)dependency.Data];
        }

        return heard;
    }

    private void Keep(Generation generation, string key, Kept kept, long[] heardBefore)
    {
        lock (_transition)
        {
            if (!ReferenceEquals(_current, generation))
                return;
            foreach (var dependency in kept.Dependencies)
            {
                if (_changesHeard[(int)dependency.Data] != heardBefore[(int)dependency.Data])
                    return;
            }

            var limit = _limits[(int)kept.Share];
            var usage = generation.UsageOf(kept.Share);
            if (usage.Count >= limit.Entries || usage.Bytes + kept.Bytes > limit.Bytes)
                generation.StartOver(kept.Share);
            if (kept.Bytes <= limit.Bytes)
                generation.Add(key, kept);
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

    private sealed record Kept(object Answer, IReadOnlyList<CatalogueDependency> Dependencies, CacheShare Share, long ReadAt, long Bytes);

    private sealed record Limit(int Entries, long Bytes);

    /// <summary>What one share of a generation holds: its keys, and what they take.</summary>
    private sealed class Usage
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public int Count => Keys.Count;

        public long Bytes { get; set; }
    }

    /// <summary>
    /// The answers kept since serving started (or everything was last dropped), read without a lock; and, changed only
    /// under the cache's lock, which keys depend on what: for each kind, the keys depending on any row of it, and those
    /// depending on one row, by id.
    /// </summary>
    private sealed class Generation
    {
        private readonly Dependents[] _dependents = [.. Enumerable.Range(0, Kinds).Select(_ => new Dependents())];
        private readonly Usage[] _usage = [.. Enum.GetValues<CacheShare>().Select(_ => new Usage())];

        public ConcurrentDictionary<string, Kept> Answers { get; } = new(StringComparer.Ordinal);

        public int Count => _usage.Sum(usage => usage.Count);

        public long Bytes => _usage.Sum(usage => usage.Bytes);

        public Usage UsageOf(CacheShare share) => _usage[(int)share];

        public void Add(string key, Kept kept)
        {
            Remove(key);
            Answers[key] = kept;
            var usage = UsageOf(kept.Share);
            usage.Keys.Add(key);
            usage.Bytes += kept.Bytes;
            foreach (var dependency in kept.Dependencies)
                _dependents[(int)dependency.Data].Add(dependency.Id, key);
        }

        public void Drop(CatalogueChange change)
        {
            var dependents = _dependents[(int)change.Data];
            List<string> dropped = [.. dependents.OfAny];
            if (change.Ids is { } ids)
            {
                foreach (var id in ids)
                {
                    if (dependents.ById.TryGetValue(id, out var ofOne))
                        dropped.AddRange(ofOne);
                }
            }
            else
            {
                dropped.AddRange(dependents.ById.Values.SelectMany(ofOne => ofOne));
            }

            foreach (var key in dropped)
                Remove(key);
        }

        /// <summary>Drops every answer <paramref name="share"/> keeps.</summary>
        public void StartOver(CacheShare share)
        {
            foreach (var key in UsageOf(share).Keys.ToList())
                Remove(key);
        }

        private void Remove(string key)
        {
            if (!Answers.TryRemove(key, out var kept))
                return;
            var usage = UsageOf(kept.Share);
            usage.Keys.Remove(key);
            usage.Bytes -= kept.Bytes;
            foreach (var dependency in kept.Dependencies)
                _dependents[(int)dependency.Data].Remove(dependency.Id, key);
        }
    }

    private sealed class Dependents
    {
        public HashSet<string> OfAny { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, HashSet<string>> ById { get; } = [];

        public void Add(int? id, string key)
        {
            if (id is not { } one)
                OfAny.Add(key);
            else if (ById.TryGetValue(one, out var keys))
                keys.Add(key);
            else
                ById[one] = new(StringComparer.Ordinal) { key };
        }

        public void Remove(int? id, string key)
        {
            if (id is not { } one)
                OfAny.Remove(key);
            else if (ById.TryGetValue(one, out var keys) && keys.Remove(key) && keys.Count == 0)
                ById.Remove(one);
        }
    }
}
