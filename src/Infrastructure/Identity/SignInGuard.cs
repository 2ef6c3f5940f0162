using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Lockout that a stranger cannot turn against a user: failed password checks are counted per account name and
/// client network (<see cref="ClientNetwork"/>), in the database so every node counts the same, and after
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> of them within <see cref="Window"/> that network is locked out
/// of that name for <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>. The user's own network is not, so a stranger's
/// guesses never keep the owner out. Every check costs the same statements whatever its outcome.
/// </summary>
public sealed class SignInGuard(OverholtDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>Failures further apart than this start the count again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private LockoutOptions Lockout => identity.Value.Lockout;

    public Task<bool> IsLockedOutAsync(string name, string client, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<SignInFailure>().AnyAsync(failure => failure.Name == name && failure.Client == client && failure.LockedUntil > now, cancellationToken);
    }

    /// <summary>Counts a failed check, atomically (two at once count two), and locks the network out at the limit.</summary>
    public async Task RecordFailureAsync(string name, string client, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - Window;
        var lockedUntil = now + Lockout.DefaultLockoutTimeSpan;
        var limit = Lockout.MaxFailedAccessAttempts;
        // One statement both providers accept; a lock that has run out starts the count again.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sign_in_failures (name, client, failures, last_failure_at, locked_until)
            VALUES ({name}, {client}, 1, {now}, CASE WHEN 1 >= {limit} THEN {lockedUntil} END)
            ON CONFLICT (name, client) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.last_failure_at < {windowStart} OR sign_in_failures.locked_until <= {now} THEN 1 ELSE sign_in_failures.failures + 1 END,
                locked_until = CASE
                    WHEN (CASE WHEN sign_in_failures.last_failure_at < {windowStart} OR sign_in_failures.locked_until <= {now} THEN 1 ELSE sign_in_failures.failures + 1 END) >= {limit} THEN {lockedUntil}
                    WHEN sign_in_failures.locked_until <= {now} THEN NULL
                    ELSE sign_in_failures.locked_until END,
                last_failure_at = {now}
            """,
            cancellationToken);
    }

    /// <summary>A successful check from a network forgets its failures.</summary>
    public Task ForgetAsync(string name, string client, CancellationToken cancellationToken = default) =>
        db.Set<SignInFailure>().Where(failure => failure.Name == name && failure.Client == client).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Forgets failures that no longer count toward anything: outside the window and not locking anyone out.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - Window;
        return db.Set<SignInFailure>()
            .Where(failure => failure.LastFailureAt < windowStart && (failure.LockedUntil == null || failure.LockedUntil <= now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Lifts every lock on a name, from every network (<c>users unlock</c>).</summary>
    public Task UnlockAsync(string name, CancellationToken cancellationToken = default) =>
        db.Set<SignInFailure>().Where(failure => failure.Name == name).ExecuteDeleteAsync(cancellationToken);
}
