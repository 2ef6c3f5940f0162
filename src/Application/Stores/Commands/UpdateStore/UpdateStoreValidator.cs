using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Commands.UpdateStore;

/// <summary>Every field is optional, but one that is sent must not be blank.</summary>
public sealed class UpdateStoreValidator : AbstractValidator<UpdateStore>
{
    public UpdateStoreValidator()
    {
        RuleFor(command => command.Name).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText().When(command => command.Name is not null);
        RuleFor(command => command.Address).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText().When(command => command.Address is not null);
        RuleFor(command => command.City).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText().When(command => command.City is not null);
        RuleFor(command => command.State).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText().When(command => command.State is not null);
        RuleFor(command => command.ZipCode).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText().When(command => command.ZipCode is not null);
    }
}
