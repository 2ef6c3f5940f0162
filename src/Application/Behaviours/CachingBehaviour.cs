using Mediator;
using Overholt.Application.Caching;

namespace Overholt.Application.Behaviours;

/// <summary>Catalogue reads come from the node's <see cref="IReadCache"/> when it holds them; after authorization and validation.</summary>
public sealed class CachingBehaviour<TMessage, TResponse>(IReadCache cache) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is ICatalogueQuery { CacheKey: { } key } query
            ? cache.GetOrReadAsync(key, query.Dependencies, CatalogueKey.ShareOf(message), token => next(message, token), cancellationToken)
            : next(message, cancellationToken);
}
