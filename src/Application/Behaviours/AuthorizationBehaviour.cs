using System.Reflection;
using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;

namespace Overholt.Application.Behaviours;

/// <summary>
/// Every request needs a signed-in user and must declare who may send it: <see cref="AllowSignedInUsersAttribute"/>,
/// <see cref="RequiresRoleAttribute"/> or <see cref="RequiresStoreManagerAttribute"/>; one that declares nothing is
/// refused. Enforced here so no entry point can skip it.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser, IStoreAccess storeAccess)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string? RequiredRole = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Role;
    private static readonly bool RequiresStoreManager = typeof(TMessage).IsDefined(typeof(RequiresStoreManagerAttribute), inherit: false);

    /// <summary>Deny by default: a message that does not say who may send it is refused (an architecture test keeps there being none).</summary>
    private static readonly bool DeclaresWhoMaySend =
        RequiredRole is not null || RequiresStoreManager || typeof(TMessage).IsDefined(typeof(AllowSignedInUsersAttribute), inherit: false);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
            throw new NotSignedInException();

        if (!DeclaresWhoMaySend)
            throw new ForbiddenException($"{typeof(TMessage).Name} does not declare who may send it");

        if (RequiredRole is not null && !currentUser.IsInRole(RequiredRole))
            throw new ForbiddenException($"Only users with the role '{RequiredRole}' may do this");

        if (RequiresStoreManager)
            await EnsureMayChangeStoreAsync(message, cancellationToken);

        return await next(message, cancellationToken);
    }

    private async Task EnsureMayChangeStoreAsync(TMessage message, CancellationToken cancellationToken)
    {
        if (message is not ITargetsStore targetsStore)
            throw new InvalidOperationException($"{typeof(TMessage).Name} is marked {nameof(RequiresStoreManagerAttribute)} but does not implement {nameof(ITargetsStore)}");

        // An unknown store is the handler's 404 to report, not a 403.
        if (await storeAccess.RoleInAsync(targetsStore.StoreId, cancellationToken) == StoreRole.Outsider)
            throw new ForbiddenException("Only admins and this store's managers may do this");
    }
}
