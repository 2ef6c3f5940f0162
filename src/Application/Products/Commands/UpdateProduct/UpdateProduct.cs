using Mediator;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Products.Specifications;
using Overholt.Application.Security;
using Overholt.Domain.Categories;
using Overholt.Domain.Products;
using Overholt.Domain.Users;

namespace Overholt.Application.Products.Commands.UpdateProduct;

/// <summary>Renames a product and/or replaces its categories; null fields stay as they are.</summary>
[RequiresRole(Roles.Admin)]
public sealed record UpdateProduct(int ProductId, string? Name, IReadOnlyList<int>? Categories, VersionCondition? IfVersion = null) : ICommand, IProductDetails;

public sealed class UpdateProductHandler(IRepository<Product> products, IRepository<Category> categories) : ICommandHandler<UpdateProduct>
{
    public async ValueTask<Unit> Handle(UpdateProduct command, CancellationToken cancellationToken)
    {
        var product = await products.FirstOrDefaultAsync(new ProductWithCategoriesSpec(command.ProductId), cancellationToken)
            ?? throw new NotFoundException(nameof(Product), command.ProductId);
        command.IfVersion?.Ensure(product, nameof(Product));

        var productCategories = command.Categories is null ? null : await categories.ResolveAsync(command.Categories, cancellationToken);
        product.ChangeDetails(command.Name, productCategories);

        return Unit.Value;
    }
}
