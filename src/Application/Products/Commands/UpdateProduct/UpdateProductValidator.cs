using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Products;

namespace Overholt.Application.Products.Commands.UpdateProduct;

public sealed class UpdateProductValidator : AbstractValidator<UpdateProduct>
{
    public UpdateProductValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Product.NameMaxLength).PlainText().When(command => command.Name is not null);
        RuleFor(command => command.Categories).NotEmpty().WithMessage("Choose at least one category.").When(command => command.Categories is not null);
        RuleForEach(command => command.Categories).GreaterThan(0).OverridePropertyName(nameof(UpdateProduct.Categories));
    }
}
