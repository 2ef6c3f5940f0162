using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Commands.CreateStore;

public sealed class CreateStoreValidator : AbstractValidator<CreateStore>
{
    public CreateStoreValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText();
        RuleFor(command => command.Address).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText();
        RuleFor(command => command.City).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText();
        RuleFor(command => command.State).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText();
        RuleFor(command => command.ZipCode).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText();
    }
}
