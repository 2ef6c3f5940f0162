using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Categories;

namespace Overholt.Application.Categories.Commands.UpdateCategory;

public sealed class UpdateCategoryValidator : AbstractValidator<UpdateCategory>
{
    public UpdateCategoryValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Category.NameMaxLength).PlainText().When(command => command.Name is not null);
        RuleFor(command => command.Description).MaximumLength(Category.DescriptionMaxLength).PlainText(multiline: true);
    }
}
