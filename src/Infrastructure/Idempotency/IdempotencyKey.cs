namespace Overholt.Infrastructure.Idempotency;

/// <summary>
/// One use of an idempotency key by one user (an API <c>Idempotency-Key</c>, a page's one-time form id): the request it
/// came with, who is running it, and once it has finished, the answer to replay. See <see cref="IdempotencyKeys"/>.
/// </summary>
public sealed class IdempotencyKey
{
    public int UserId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of what makes the request the same request (method, path, body).</summary>
    public required byte[] Fingerprint { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When the request now running started; a claim older than <see cref="IdempotencyKeys.ClaimTimeout"/> may be taken over.</summary>
    public DateTime ClaimedAt { get; init; }

    /// <summary>A random token naming the request that holds the claim, so only that one stores its answer.</summary>
    public required string ClaimedBy { get; init; }

    /// <summary>Null while the request runs.</summary>
    public DateTime? CompletedAt { get; init; }

    public int? StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    public string? ETag { get; init; }

    public byte[]? Body { get; init; }
}
