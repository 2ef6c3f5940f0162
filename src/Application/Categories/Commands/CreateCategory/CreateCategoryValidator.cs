using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Commands.CreateCategory;

public sealed class CreateCategoryValidator : AbstractValidator<CreateCategory>
{
    public CreateCategoryValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Category.NameMaxLength).PlainText();
        RuleFor(command => command.Description).MaximumLength(Category.DescriptionMaxLength).PlainText(multiline: true);
    }
}
