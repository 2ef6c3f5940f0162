using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Commands.DeleteStore;

[RequiresRole(Roles.Admin)]
public sealed record DeleteStore(int StoreId, VersionCondition? IfVersion = null) : ICommand;

public sealed class DeleteStoreHandler(IRepository<Store> stores) : ICommandHandler<DeleteStore>
{
    public async ValueTask<Unit> Handle(DeleteStore command, CancellationToken cancellationToken)
    {
        var store = await stores.GetByIdAsync(command.StoreId, cancellationToken)
            ?? throw new NotFoundException(nameof(Store), command.StoreId);
        command.IfVersion?.Ensure(store, nameof(Store));
        await stores.DeleteAsync(store, cancellationToken);
        return Unit.Value;
    }
}
