using Mediator;
using Overholt.Application.Persistence;

namespace Overholt.Application.Behaviours;

/// <summary>Innermost behaviour, commands only: the handler's changes are committed together, or not at all.</summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        new(unitOfWork.ExecuteAsync(token => next(message, token), cancellationToken));
}
