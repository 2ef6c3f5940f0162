using AutoMapper;
using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Commands.CreateStore;

/// <summary>Opens a store and returns it as created (a new store has no products or managers: nothing to read back).</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateStore(string? Name, string? Address, string? City, string? State, string? ZipCode) : ICommand<Versioned<StoreDto>>, IStoreDetails;

public sealed class CreateStoreHandler(IRepository<Store> stores, IMapper mapper) : ICommandHandler<CreateStore, Versioned<StoreDto>>
{
    public async ValueTask<Versioned<StoreDto>> Handle(CreateStore command, CancellationToken cancellationToken)
    {
        var store = new Store(command.Name!, command.Address!, command.City!, command.State!, command.ZipCode!);
        await stores.AddAsync(store, cancellationToken);
        return mapper.Map<Versioned<StoreDto>>(store);
    }
}
