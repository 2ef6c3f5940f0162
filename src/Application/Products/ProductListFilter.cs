using FluentValidation;
using Overholt.Application.Paging;

namespace Overholt.Application.Products;

/// <summary>The product list's order and filter, as its page and its export both take them.</summary>
public interface IProductListFilter : ISortedRequest
{
    /// <summary>Only the products in the category with this id.</summary>
    int? InCategoryId { get; }
}

/// <summary>The rules of <see cref="IProductListFilter"/>, included by the validators of every request that has one.</summary>
public sealed class ProductListFilterRules : AbstractValidator<IProductListFilter>
{
    public ProductListFilterRules()
    {
        RuleFor(query => query.Sort).SortOver(ProductSorting.Fields);
        RuleFor(query => query.InCategoryId).GreaterThan(0).OverridePropertyName("Category"); // named as the client spells the filter
    }
}
