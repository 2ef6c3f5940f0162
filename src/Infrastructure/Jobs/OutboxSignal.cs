namespace Overholt.Infrastructure.Jobs;

/// <summary>
/// Wakes the outbox dispatcher when a message may be waiting, and tells it whether such wake-ups can be relied on
/// (PostgreSQL's notifications are being heard), in which case it polls only as a fallback.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private volatile bool _listening;

    /// <summary>Whether every message committed from now on will wake the dispatcher.</summary>
    public bool IsListening => _listening;

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the dispatcher reads everything waiting once it runs.
        }
    }

    /// <summary>Records whether notifications are heard, and wakes the dispatcher to pick up what came before and to choose its interval again.</summary>
    public void SetListening(bool listening)
    {
        _listening = listening;
        Wake();
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> has passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
