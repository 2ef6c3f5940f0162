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

    protected override bool ShouldRetryOn(Exception exception) =>
        exception is not CommitUncertainException && TransientFailure.Is(exception);

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retry = ExceptionsEncountered.Count - 1;
        if (retry >= MaxRetryCount)
            return null;
        return retry == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << (retry - 1), MaxRetryDelay.Ticks));
    }
}
