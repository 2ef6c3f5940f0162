using Microsoft.EntityFrameworkCore;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Idempotency;

/// <summary>
/// Idempotency keys in the database, so every node sees the same ones (the IETF httpapi Idempotency-Key draft). A request
/// claims its key before it runs, in a statement of its own that inserts the key or finds it taken; whoever inserted it
/// runs and then stores the answer; everyone else is told what the key holds: the answer to replay, a request still
/// running, or a different request. A claim whose request never finished (the node stopped) may be taken over by the
/// same request after <see cref="ClaimTimeout"/>; a key older than <see cref="Retention"/> counts as new, and the hourly
/// purge deletes it.
/// </summary>
public sealed class IdempotencyKeys(OverholtDbContext db, TimeProvider clock)
{
    /// <summary>The longest key accepted: room for any UUID, ULID or hash a client makes, and no room for a payload.</summary>
    public const int MaxKeyLength = 255;

    public const int PurgeBatchSize = 1000;

    /// <summary>How long a key holds its answer.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>After this long a claim whose request has not finished counts as abandoned (no request here runs so long).</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claims <paramref name="key"/> for a request with <paramref name="fingerprint"/>, atomically: of requests claiming
    /// the same key at once, exactly one gets <see cref="IdempotencyOutcome.Claimed"/>.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(int userId, string key, byte[] fingerprint, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expiredBefore = now - Retention;
        var abandonedBefore = now - ClaimTimeout;
        var token = Guid.NewGuid().ToString("N");
        // One statement both providers accept. It takes over a key that has expired, or that the same request claimed and
        // abandoned; otherwise it writes nothing, and the row says what the key holds.
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, created_at, claimed_at, claimed_by)
            VALUES ({userId}, {key}, {fingerprint}, {now}, {now}, {token})
            ON CONFLICT (user_id, idempotency_key) DO UPDATE SET
                fingerprint = excluded.fingerprint, created_at = excluded.created_at, claimed_at = excluded.claimed_at,
                claimed_by = excluded.claimed_by, completed_at = NULL, status_code = NULL, content_type = NULL,
                location = NULL, etag = NULL, body = NULL
            WHERE idempotency_keys.created_at < {expiredBefore}
               OR (idempotency_keys.completed_at IS NULL AND idempotency_keys.claimed_at < {abandonedBefore}
                   AND idempotency_keys.fingerprint = excluded.fingerprint)
            """,
            cancellationToken);
        if (claimed > 0)
            return new IdempotencyClaim(IdempotencyOutcome.Claimed, token);

        var held = await db.Set<IdempotencyKey>().AsNoTracking()
            .SingleOrDefaultAsync(row => row.UserId == userId && row.Key == key, cancellationToken);
        return held switch
        {
            // Gone since: its request failed and let it go. Ask again rather than guess.
            null => new IdempotencyClaim(IdempotencyOutcome.InFlight),
            // The statement was sent again after a lost answer, and the first attempt had claimed it.
            { ClaimedBy: var holder } when holder == token => new IdempotencyClaim(IdempotencyOutcome.Claimed, token),
            _ when !held.Fingerprint.AsSpan().SequenceEqual(fingerprint) => new IdempotencyClaim(IdempotencyOutcome.Mismatch),
            { CompletedAt: not null } => new IdempotencyClaim(IdempotencyOutcome.Done, Answer: held),
            _ => new IdempotencyClaim(IdempotencyOutcome.InFlight),
        };
    }

    /// <summary>Stores the answer of the request that holds the claim; from now on the key replays it.</summary>
    public Task CompleteAsync(int userId, string key, string token, IdempotentAnswer answer, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<IdempotencyKey>()
            .Where(row => row.UserId == userId && row.Key == key && row.ClaimedBy == token)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(row => row.CompletedAt, now)
                    .SetProperty(row => row.StatusCode, answer.StatusCode)
                    .SetProperty(row => row.ContentType, answer.ContentType)
                    .SetProperty(row => row.Location, answer.Location)
                    .SetProperty(row => row.ETag, answer.ETag)
                    .SetProperty(row => row.Body, answer.Body),
                cancellationToken);
    }

    /// <summary>Lets the key go when its request ended without an answer worth keeping (a 5xx): the client may try again.</summary>
    public Task ReleaseAsync(int userId, string key, string token, CancellationToken cancellationToken = default) =>
        db.Set<IdempotencyKey>()
            .Where(row => row.UserId == userId && row.Key == key && row.ClaimedBy == token && row.CompletedAt == null)
            .ExecuteDeleteAsync(cancellationToken);

    private const string DeleteExpired = """
        DELETE FROM idempotency_keys
        WHERE (user_id, idempotency_key) IN (SELECT user_id, idempotency_key FROM idempotency_keys
                                             WHERE created_at < {0}
                                             ORDER BY created_at LIMIT {1} /*locking*/)
        """;

    /// <summary>Deletes the keys older than <see cref="Retention"/>, in batches of <see cref="PurgeBatchSize"/>; returns how many went.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        object[] parameters = [clock.GetUtcNow().UtcDateTime - Retention, PurgeBatchSize];
        // As the outbox purge: on PostgreSQL purgers running at once take different rows.
        var sql = DeleteExpired.Replace("/*locking*/", db is PostgresOverholtDbContext ? "FOR UPDATE SKIP LOCKED" : string.Empty, StringComparison.Ordinal);
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            total += deleted;
        }
        while (deleted == PurgeBatchSize);
        return total;
    }
}

public enum IdempotencyOutcome
{
    /// <summary>The key is this request's: run it, then complete or release the claim with <see cref="IdempotencyClaim.Token"/>.</summary>
    Claimed,

    /// <summary>The same request has finished: replay <see cref="IdempotencyClaim.Answer"/>.</summary>
    Done,

    /// <summary>The same request is still running.</summary>
    InFlight,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}

/// <summary>What claiming a key found.</summary>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, string? Token = null, IdempotencyKey? Answer = null);

/// <summary>The parts of an answer a replay gives back.</summary>
public sealed record IdempotentAnswer(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);
