using FluentValidation;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Commands.CreateStore;

public sealed class CreateStoreValidator : AbstractValidator<CreateStore>
{
    public CreateStoreValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Store.FieldMaxLength);
        RuleFor(command => command.Address).NotEmpty().MaximumLength(Store.FieldMaxLength);
        RuleFor(command => command.City).NotEmpty().MaximumLength(Store.FieldMaxLength);
        RuleFor(command => command.State).NotEmpty().MaximumLength(Store.FieldMaxLength);
        RuleFor(command => command.ZipCode).NotEmpty().MaximumLength(Store.FieldMaxLength);
    }
}
