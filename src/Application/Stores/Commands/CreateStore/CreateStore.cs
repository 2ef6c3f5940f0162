using Mediator;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Commands.CreateStore;

/// <summary>Opens a store and returns its id.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateStore(string? Name, string? Address, string? City, string? State, string? ZipCode) : ICommand<int>;

public sealed class CreateStoreHandler(IRepository<Store> stores) : ICommandHandler<CreateStore, int>
{
    public async ValueTask<int> Handle(CreateStore command, CancellationToken cancellationToken)
    {
        var store = new Store(command.Name!, command.Address!, command.City!, command.State!, command.ZipCode!);
        await stores.AddAsync(store, cancellationToken);
        return store.Id;
    }
}
