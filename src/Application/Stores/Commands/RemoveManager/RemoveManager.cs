using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Users;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Commands.RemoveManager;

/// <summary>The user stops managing the store ("Invalid manager" if not a manager) and is told by email.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RemoveManager(int StoreId, int UserId) : ICommand;

public sealed class RemoveManagerHandler(IRepository<Store> stores, IUserDirectory users) : ICommandHandler<RemoveManager>
{
    public async ValueTask<Unit> Handle(RemoveManager command, CancellationToken cancellationToken)
    {
        var store = await stores.GetWithMembersAsync(command.StoreId, cancellationToken);
        if (!store.IsManagedBy(command.UserId) && !await users.ExistsAsync(command.UserId, cancellationToken))
            throw new NotFoundException("User", command.UserId);

        store.RemoveManager(command.UserId);
        return Unit.Value;
    }
}
