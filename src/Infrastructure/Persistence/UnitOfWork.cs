using Microsoft.EntityFrameworkCore;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// A command's saves commit together or not at all. A command that saves once (most: an update, an add, a delete)
/// commits with that save, in one round trip for a single statement; one that saves more than once (Identity's account
/// changes) gets a transaction at its first save, committed here (<see cref="OverholtDbContext.SaveChangesAsync(bool, CancellationToken)"/>).
/// The whole unit (everything the pipeline runs inside it, authorization included) is run again from the start when it
/// meets a transient database failure (<see cref="OverholtExecutionStrategy"/>) or loses a race with another command
/// (<see cref="WriteConflict"/>): on the committed state, it ends in the answer it would have given had it come second.
/// On SQLite, commands run one at a time in the order they arrive (<see cref="SqliteWriters"/>).
/// </summary>
internal sealed class UnitOfWork(OverholtDbContext db, SqliteWriters writers) : IUnitOfWork
{
    private const int MaxConflictAttempts = 3;

    public async Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        if (db.Saves is not CommandSaves.None || db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        using var turn = await writers.WaitTurnAsync(db, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(
                    (Db: db, Work: work),
                    static (_, state, token) => RunAsync(state.Db, state.Work, token),
                    verifySucceeded: null,
                    cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxConflictAttempts && WriteConflict.Caused(exception))
            {
                // Lost a race: run the command again on the committed state.
            }
            catch (DbUpdateException exception) when (WriteConflict.IsUniqueViolation(exception))
            {
                throw new ConflictException("A record with the same unique value already exists");
            }
            catch (DbUpdateException exception) when (WriteConflict.Caused(exception))
            {
                throw new ConflictException("Other changes to the same records kept getting in first; try again");
            }
        }
    }

    private static async Task<TResult> RunAsync<TResult>(OverholtDbContext db, Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        db.Saves = CommandSaves.Open;
        try
        {
            var result = await work(cancellationToken);
            await db.SaveLastAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await using (transaction)
                {
                    try
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                    catch (Exception exception) when (TransientFailure.Is(exception))
                    {
                        throw new CommitUncertainException(exception);
                    }
                }
            }

            return result;
        }
        catch (Exception exception) when (db.Saves is CommandSaves.Done && TransientFailure.Is(exception))
        {
            // The command's last save has committed: run again, it would make its change twice.
            db.ChangeTracker.Clear();
            if (exception is CommitUncertainException)
                throw;
            throw new CommitUncertainException(exception);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.Saves = CommandSaves.None;
            if (db.Database.CurrentTransaction is { } unfinished)
                await unfinished.DisposeAsync(); // rolled back, if not committed
        }
    }
}
