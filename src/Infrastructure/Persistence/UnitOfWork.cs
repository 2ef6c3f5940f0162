using Microsoft.EntityFrameworkCore;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// One transaction per command: the handler's saves and the final save commit together or roll back together. The
/// whole unit (everything the pipeline runs inside it, authorization included) is run again from the start when it
/// meets a transient database failure (<see cref="OverholtExecutionStrategy"/>) or loses a race with another command
/// (<see cref="WriteConflict"/>): on the committed state, it ends in the answer it would have given had it come second.
/// </summary>
internal sealed class UnitOfWork(OverholtDbContext db) : IUnitOfWork
{
    private const int MaxConflictAttempts = 3;

    public async Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(
                    (Db: db, Work: work),
                    static (_, state, token) => RunInTransactionAsync(state.Db, state.Work, token),
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

    private static async Task<TResult> RunInTransactionAsync<TResult>(OverholtDbContext db, Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception exception) when (TransientFailure.Is(exception))
            {
                throw new CommitUncertainException(exception);
            }

            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
