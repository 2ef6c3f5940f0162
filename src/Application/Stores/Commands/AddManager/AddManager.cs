using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Users;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Commands.AddManager;

/// <summary>The user becomes a manager of the store ("Manager exists" if already one) and is told by email.</summary>
[RequiresRole(Roles.Admin)]
public sealed record AddManager(int StoreId, int UserId) : ICommand;

public sealed class AddManagerHandler(IRepository<Store> stores, IUserDirectory users) : ICommandHandler<AddManager>
{
    public async ValueTask<Unit> Handle(AddManager command, CancellationToken cancellationToken)
    {
        var store = await stores.GetWithMembersAsync(command.StoreId, cancellationToken);
        if (!await users.ExistsAsync(command.UserId, cancellationToken))
            throw new NotFoundException("User", command.UserId);

        store.AddManager(command.UserId);
        return Unit.Value;
    }
}
