using Microsoft.EntityFrameworkCore.Storage;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// Runs each database operation again after a transient failure (<see cref="TransientFailure"/>), on both providers:
/// a query on its own, a command's whole unit of work (authorization, handler, saves, commit) as one. Retries start at
/// once and back off to at most a second apart, so a request outlives a database restart of a few seconds and reads
/// succeed again within about a second of the database being back; after that it gives up (503, never a 500).
/// A failure during the commit itself is never retried (<see cref="CommitUncertainException"/>).
/// </summary>
public sealed class OverholtExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, MaxDelay)
{
    public const int MaxRetries = 8;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);

    private static readonly AsyncLocal<bool> NotRetrying = new();

    /// <summary>
    /// Database work in this async flow runs once, without retries, until the result is disposed: for a probe, which
    /// must answer at once rather than outlast an outage.
    /// </summary>
    public static IDisposable WithoutRetries()
    {
        var previous = NotRetrying.Value;
        NotRetrying.Value = true;
        return new Restore(previous);
    }

    protected override bool ShouldRetryOn(Exception exception) =>
        !NotRetrying.Value && exception is not CommitUncertainException && TransientFailure.Is(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retry = ExceptionsEncountered.Count - 1;
        if (retry >= MaxRetryCount)
            return null;
        return retry == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << (retry - 1), MaxRetryDelay.Ticks));
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => NotRetrying.Value = previous;
    }
}
