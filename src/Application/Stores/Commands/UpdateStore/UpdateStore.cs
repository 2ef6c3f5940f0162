using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Commands.UpdateStore;

/// <summary>Changes the given details of a store; null fields stay as they are. With <c>IfVersion</c>, only that version is changed.</summary>
[RequiresStoreManager]
public sealed record UpdateStore(int StoreId, string? Name, string? Address, string? City, string? State, string? ZipCode, VersionCondition? IfVersion = null)
    : ICommand, ITargetsStore, IStoreDetails;

public sealed class UpdateStoreHandler(IRepository<Store> stores) : ICommandHandler<UpdateStore>
{
    public async ValueTask<Unit> Handle(UpdateStore command, CancellationToken cancellationToken)
    {
        var store = await stores.GetByIdAsync(command.StoreId, cancellationToken)
            ?? throw new NotFoundException(nameof(Store), command.StoreId);
        command.IfVersion?.Ensure(store, nameof(Store));
        store.ChangeDetails(command.Name, command.Address, command.City, command.State, command.ZipCode);
        return Unit.Value;
    }
}
