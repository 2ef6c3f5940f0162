using Mediator;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Domain.Categories;
using Overholt.Domain.Products;
using Overholt.Domain.Users;

namespace Overholt.Application.Products.Commands.CreateProduct;

/// <summary>Creates a product in the given categories and returns its id.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateProduct(string? Name, IReadOnlyList<int>? Categories) : ICommand<int>, IProductDetails;

public sealed class CreateProductHandler(IRepository<Product> products, IRepository<Category> categories) : ICommandHandler<CreateProduct, int>
{
    public async ValueTask<int> Handle(CreateProduct command, CancellationToken cancellationToken)
    {
        var productCategories = await categories.ResolveAsync(command.Categories!, cancellationToken);
        var product = await products.AddAsync(new Product(command.Name!, productCategories), cancellationToken);
        return product.Id;
    }
}
