using Microsoft.EntityFrameworkCore;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// One transaction per command: the handler's saves and the final save commit together or roll back together.
/// A command that loses a race with another (see <see cref="WriteConflict"/>) is run again from the start on what the
/// winner committed, so it ends in the answer it would have given had it come second: never in a 500.
/// </summary>
internal sealed class UnitOfWork(OverholtDbContext db) : IUnitOfWork
{
    private const int MaxAttempts = 3;

    public async Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunInTransactionAsync(work, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && WriteConflict.Caused(exception))
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

    private async Task<TResult> RunInTransactionAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
