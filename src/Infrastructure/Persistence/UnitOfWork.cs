using Microsoft.EntityFrameworkCore;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;

namespace Overholt.Infrastructure.Persistence;

/// <summary>One transaction per command: the handler's saves and the final save commit together or roll back together.</summary>
internal sealed class UnitOfWork(OverholtDbContext db) : IUnitOfWork
{
    public async Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Caused(exception))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("A record with the same unique value already exists");
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
