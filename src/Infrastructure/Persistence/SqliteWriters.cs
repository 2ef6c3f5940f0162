namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one connection write at a time. Commands that collide on its lock wait in its busy handler, which sleeps
/// longer at each try, so under a burst of writes a command can stall for a second. Here a process's commands take
/// turns instead, in the order they arrive, and meet the lock free. Writers in other processes on the same file (the
/// management commands) and writes outside a command (sign-in bookkeeping, background jobs) still meet SQLite's lock
/// and its busy handler, as before.
/// </summary>
internal sealed class SqliteWriters : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this command's turn on SQLite (disposing the result ends it); on PostgreSQL, returns at once.</summary>
    public async ValueTask<IDisposable?> WaitTurnAsync(OverholtDbContext db, CancellationToken cancellationToken)
    {
        if (db is not SqliteOverholtDbContext) // by type: Database.IsSqlite() reads the provider's assembly name on every call
            return null;
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
                turn.Release();
        }
    }
}
