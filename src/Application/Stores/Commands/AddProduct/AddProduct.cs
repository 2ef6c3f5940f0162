using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Commands.AddProduct;

/// <summary>The store starts carrying the product ("Product exists" if it already does).</summary>
[RequiresStoreManager]
public sealed record AddProduct(int StoreId, int ProductId) : ICommand, ITargetsStore;

public sealed class AddProductHandler(IRepository<Store> stores, IReadRepository<Product> products) : ICommandHandler<AddProduct>
{
    public async ValueTask<Unit> Handle(AddProduct command, CancellationToken cancellationToken)
    {
        var store = await stores.GetWithMembersAsync(command.StoreId, cancellationToken);
        if (!await products.AnyAsync(new ByIdSpec<Product>(command.ProductId), cancellationToken))
            throw new NotFoundException(nameof(Product), command.ProductId);

        store.AddProduct(command.ProductId);
        return Unit.Value;
    }
}
