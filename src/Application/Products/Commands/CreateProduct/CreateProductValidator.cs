using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Commands.CreateProduct;

public sealed class CreateProductValidator : AbstractValidator<CreateProduct>
{
    public CreateProductValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Product.NameMaxLength).PlainText();
        RuleFor(command => command.Categories).NotEmpty().WithMessage("Choose at least one category.");
        RuleForEach(command => command.Categories).GreaterThan(0).OverridePropertyName(nameof(CreateProduct.Categories));
    }
}
