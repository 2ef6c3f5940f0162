namespace Overholt.Application.Persistence;

/// <summary>Runs a command's work in one database transaction and commits it once.</summary>
public interface IUnitOfWork
{
    Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken);
}
