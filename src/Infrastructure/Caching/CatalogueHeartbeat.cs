using System.Globalization;
using Npgsql;

namespace Overholt.Infrastructure.Caching;

/// <summary>
/// This node's heartbeat: its row of <c>catalogue_heartbeats</c>, written through the app's pooled connections as
/// any change is, whose <c>ALWAYS</c> trigger notifies <see cref="CatalogueTables.Channel"/> with <c>beat:NODE:N</c>.
/// The same round trip checks that every catalogue trigger exists and is enabled <c>ALWAYS</c>. One row per node, so
/// nodes never wait for each other; rows of nodes gone for a day are deleted now and then by whichever node beats.
/// </summary>
internal sealed class CatalogueHeartbeat
{
    /// <summary>One beat in this many also deletes the rows of nodes gone (the first beat of each node among them).</summary>
    private const int PurgeEvery = 3600;

    private static readonly string Upsert =
        $"INSERT INTO {CatalogueTables.HeartbeatTable} (node, beat, beaten_at) VALUES ($1, $2, now()) " +
        "ON CONFLICT (node) DO UPDATE SET beat = excluded.beat, beaten_at = excluded.beaten_at";

    // SKIP LOCKED: two nodes purging at once never wait for each other, nor for a row being beaten.
    private static readonly string Purge =
        $"DELETE FROM {CatalogueTables.HeartbeatTable} WHERE node IN " +
        $"(SELECT node FROM {CatalogueTables.HeartbeatTable} WHERE beaten_at < now() - interval '1 day' FOR UPDATE SKIP LOCKED)";

    private readonly string _connectionString;
    private readonly string _ownPrefix;
    private long _beat;

    public CatalogueHeartbeat(CatalogueChangeFeedSettings settings)
    {
        _connectionString = settings.PooledConnectionString;
        _ownPrefix = $"{CatalogueTables.HeartbeatPrefix}{Node}:";
    }

    /// <summary>This node: unique to its process and app (tests run several apps in one process).</summary>
    public string Node { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The number of the next beat to write.</summary>
    public long Next() => Interlocked.Increment(ref _beat);

    /// <summary>Writes <paramref name="beat"/> (<see cref="Next"/>); throws if a catalogue trigger is missing or not enabled <c>ALWAYS</c>.</summary>
    public async Task BeatAsync(long beat, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CatalogueTables.Source.CountFiringTriggersSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Upsert) { Parameters = { new() { Value = Node }, new() { Value = beat } } });
        if (beat % PurgeEvery == 1)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Purge));

        if (!CatalogueTables.Source.AllFiring(await batch.ExecuteScalarAsync(cancellationToken)))
            throw CatalogueTables.Source.NotFiring();
    }

    /// <summary>Whether <paramref name="payload"/> is one of this node's own beats, and which.</summary>
    public bool IsOwn(string payload, out long beat)
    {
        beat = 0;
        return payload.StartsWith(_ownPrefix, StringComparison.Ordinal)
            && long.TryParse(payload.AsSpan(_ownPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out beat);
    }
}
