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
        CategorizeAs(categories);
    }

    public string Name { get; private set; }

    public IReadOnlyCollection<Category> Categories => _categories;

    /// <summary>The stores that carry the product; changed through <see cref="Store"/>, read by queries.</summary>
    public IReadOnlyCollection<StoreProduct> CarriedBy => _carriedBy;

    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Changed();
    }

    /// <summary>Replaces the product's categories.</summary>
    public void CategorizeAs(IReadOnlyCollection<Category> categories)
    {
        if (categories.Count == 0)
            throw new DomainRuleException("A product needs at least one category");
        var added = categories.Distinct().Where(category => !_categories.Contains(category)).ToList();
        _categories.RemoveAll(existing => !categories.Contains(existing));
        _categories.AddRange(added);
        Changed();
    }
}
