using FluentValidation;
using Overholt.Application.Paging;
using Overholt.Application.Validation;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores;

/// <summary>The store list's order and filters, as its page and its export both take them.</summary>
public interface IStoreListFilter : ISortedRequest
{
    /// <summary>Only stores in this state (the whole value, ignoring case).</summary>
    string? State { get; }

    /// <summary>Only stores in this city (the whole value, ignoring case).</summary>
    string? City { get; }

    /// <summary>Only stores carrying the product with this id.</summary>
    int? CarriesProductId { get; }

    /// <summary>Only stores managed by the user with this id.</summary>
    int? ManagedByUserId { get; }
}

/// <summary>The rules of <see cref="IStoreListFilter"/>, included by the validators of every request that has one.</summary>
public sealed class StoreListFilterRules : AbstractValidator<IStoreListFilter>
{
    public StoreListFilterRules()
    {
        RuleFor(query => query.Sort).SortOver(StoreSorting.Fields);
        RuleFor(query => query.State).PlainText().MaximumLength(Store.FieldMaxLength);
        RuleFor(query => query.City).PlainText().MaximumLength(Store.FieldMaxLength);
        // Named as the client spells the filter; an id no store has is an empty list, but no id is below 1.
        RuleFor(query => query.CarriesProductId).GreaterThan(0).OverridePropertyName("Product");
        RuleFor(query => query.ManagedByUserId).GreaterThan(0).OverridePropertyName("Manager");
    }
}
