using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories;

/// <summary>
/// The one statement of what a category's details may be: a plain-text name of at most
/// <see cref="Category.NameMaxLength"/> characters and an optional description that may span lines. Creating a category
/// needs the name; a change needs only what it sends.
/// </summary>
public abstract class CategoryDetailsValidator<T> : AbstractValidator<T>
    where T : ICategoryDetails
{
    protected CategoryDetailsValidator(bool nameRequired)
    {
        RuleFor(request => request.Name).CategoryName()
            .When(request => nameRequired || request.Name is not null);
        RuleFor(request => request.Description).MaximumLength(Category.DescriptionMaxLength).PlainText(multiline: true);
    }
}

/// <summary>The rule for a category's name, wherever one comes from (a request, an import row).</summary>
public static class CategoryRules
{
    public static IRuleBuilderOptions<T, string?> CategoryName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Category.NameMaxLength).PlainText();
}
