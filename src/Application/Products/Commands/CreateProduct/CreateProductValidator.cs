namespace Overholt.Application.Products.Commands.CreateProduct;

public sealed class CreateProductValidator() : ProductDetailsValidator<CreateProduct>(everyDetailRequired: true);
