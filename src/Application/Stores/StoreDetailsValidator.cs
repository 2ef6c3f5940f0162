using System.Linq.Expressions;
using FluentValidation;
using Overholt.Application.Validation;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores;

/// <summary>
/// The one statement of what a store detail may be: required text of at most <see cref="Store.FieldMaxLength"/>
/// characters, without control characters. Creating a store needs every detail; a change needs only those it sends.
/// </summary>
public abstract class StoreDetailsValidator<T> : AbstractValidator<T>
    where T : IStoreDetails
{
    protected StoreDetailsValidator(bool everyDetailRequired)
    {
        Expression<Func<T, string?>>[] details =
            [request => request.Name, request => request.Address, request => request.City, request => request.State, request => request.ZipCode];
        foreach (var detail in details)
        {
            var read = detail.Compile();
            RuleFor(detail).NotEmpty().MaximumLength(Store.FieldMaxLength).PlainText()
                .When(request => everyDetailRequired || read(request) is not null);
        }
    }
}
