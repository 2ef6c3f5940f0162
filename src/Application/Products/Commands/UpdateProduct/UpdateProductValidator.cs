namespace Overholt.Application.Products.Commands.UpdateProduct;

/// <summary>Both details are optional, but one that is sent must be valid.</summary>
public sealed class UpdateProductValidator() : ProductDetailsValidator<UpdateProduct>(everyDetailRequired: false);
