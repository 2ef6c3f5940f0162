using Mediator;
using Overholt.Application.Persistence;

namespace Overholt.Application.Behaviours;

/// <summary>
/// Commands only, right inside logging: everything after it (authorization, validation, the handler) runs in one
/// transaction that commits once, and is run again whole when the unit of work retries, so a retried command is
/// authorized again on what it meets.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(unitOfWork.ExecuteAsync(token => next(message, token), cancellationToken));
}
