using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Stores;

namespace Overholt.Domain.Products;

/// <summary>Something a store can carry; always in at least one category.</summary>
public sealed class Product : Entity
{
    public const int NameMaxLength = 255;

    private readonly List<Category> _categories = [];
    private readonly List<StoreProduct> _carriedBy = [];

    private Product()
    {
        Name = string.Empty;
    }

    public Product(string name, IReadOnlyCollection<Category> categories)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        ChangeDetails(categories: categories);
    }

    public string Name { get; private set; }

    public IReadOnlyCollection<Category> Categories => _categories;

    /// <summary>The stores that carry the product; changed through <see cref="Store"/>, read by queries.</summary>
    public IReadOnlyCollection<StoreProduct> CarriedBy => _carriedBy;

    /// <summary>
    /// Renames the product and/or replaces its categories; null leaves that as it is. The version moves once, and only
    /// when the name or the set of categories ends up different: the same categories in another order are no change.
    /// </summary>
    public void ChangeDetails(string? name = null, IReadOnlyCollection<Category>? categories = null)
    {
        var newName = name is null ? Name : Guard.RequiredText(name, "Name", NameMaxLength);
        if (categories is { Count: 0 })
            throw new DomainRuleException("A product needs at least one category");

        var changed = newName != Name;
        Name = newName;
        if (categories is not null && !_categories.ToHashSet().SetEquals(categories))
        {
            var added = categories.Distinct().Where(category => !_categories.Contains(category)).ToList();
            _categories.RemoveAll(existing => !categories.Contains(existing));
            _categories.AddRange(added);
            changed = true;
        }

        if (changed)
            Changed();
    }
}
