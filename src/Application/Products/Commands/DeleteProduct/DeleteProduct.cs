using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Products;
using Overholt.Domain.Users;

namespace Overholt.Application.Products.Commands.DeleteProduct;

/// <summary>Deletes a product; every store that carried it stops carrying it.</summary>
[RequiresRole(Roles.Admin)]
public sealed record DeleteProduct(int ProductId, VersionCondition? IfVersion = null) : ICommand;

public sealed class DeleteProductHandler(IRepository<Product> products) : ICommandHandler<DeleteProduct>
{
    public async ValueTask<Unit> Handle(DeleteProduct command, CancellationToken cancellationToken)
    {
        var product = await products.GetByIdAsync(command.ProductId, cancellationToken)
            ?? throw new NotFoundException(nameof(Product), command.ProductId);
        command.IfVersion?.Ensure(product, nameof(Product));
        await products.DeleteAsync(product, cancellationToken);
        return Unit.Value;
    }
}
