using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Products;

namespace Overholt.Application.Products;

/// <summary>
/// The one statement of what a product's details may be: a plain-text name of at most <see cref="Product.NameMaxLength"/>
/// characters and at least one category, named by positive ids. Creating a product needs both; a change needs only what it sends.
/// </summary>
public abstract class ProductDetailsValidator<T> : AbstractValidator<T>
    where T : IProductDetails
{
    protected ProductDetailsValidator(bool everyDetailRequired)
    {
        RuleFor(request => request.Name).ProductName()
            .When(request => everyDetailRequired || request.Name is not null);
        RuleFor(request => request.Categories).NotEmpty().WithMessage("Choose at least one category.")
            .When(request => everyDetailRequired || request.Categories is not null);
        RuleForEach(request => request.Categories).GreaterThan(0).OverridePropertyName(nameof(IProductDetails.Categories));
    }
}

/// <summary>The rule for a product's name, wherever one comes from (a request, an import row).</summary>
public static class ProductRules
{
    public static IRuleBuilderOptions<T, string?> ProductName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Product.NameMaxLength).PlainText();
}
