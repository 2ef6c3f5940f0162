using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Commands.RemoveProduct;

/// <summary>The store stops carrying the product ("Invalid product" if it does not carry it).</summary>
[RequiresStoreManager]
public sealed record RemoveProduct(int StoreId, int ProductId) : ICommand, ITargetsStore;

public sealed class RemoveProductHandler(IRepository<Store> stores, IReadRepository<Product> products) : ICommandHandler<RemoveProduct>
{
    public async ValueTask<Unit> Handle(RemoveProduct command, CancellationToken cancellationToken)
    {
        var store = await stores.GetWithMembersAsync(command.StoreId, cancellationToken);
        if (!store.Carries(command.ProductId) && !await products.AnyAsync(new ByIdSpec<Product>(command.ProductId), cancellationToken))
            throw new NotFoundException(nameof(Product), command.ProductId);

        store.RemoveProduct(command.ProductId);
        return Unit.Value;
    }
}
