using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Products;

namespace Overholt.UnitTests.Domain;

public sealed class ProductTests
{
    private readonly Category _fruit = new("Fruit");
    private readonly Category _sweet = new("Sweet");

    [Fact]
    public void A_product_needs_a_category()
    {
        Assert.Throws<DomainRuleException>(() => new Product("Apple", []));
        Assert.Throws<DomainRuleException>(() => new Product("Apple", [_fruit]).ChangeDetails(categories: []));
    }

    [Fact]
    public void Categorizing_replaces_the_categories_without_duplicates()
    {
        var product = new Product("Apple", [_fruit]);

        product.ChangeDetails(categories: [_sweet, _sweet]);

        Assert.Equal([_sweet], product.Categories);
    }

    [Fact]
    public void Sending_the_current_name_and_categories_back_keeps_the_version()
    {
        var product = new Product("Apple", [_fruit, _sweet]);
        var version = product.Version;

        product.ChangeDetails(" Apple ", [_sweet, _fruit, _sweet]);
        product.ChangeDetails();

        Assert.Equal(version, product.Version);
        Assert.Equal("Apple", product.Name);
        Assert.Equal([_fruit, _sweet], product.Categories);
    }

    [Fact]
    public void A_rename_and_new_categories_together_move_the_version_once()
    {
        var product = new Product("Apple", [_fruit]);
        var version = product.Version;

        product.ChangeDetails("Green apple", [_fruit, _sweet]);

        Assert.Equal(version + 1, product.Version);
        Assert.Equal("Green apple", product.Name);
        Assert.Equal([_fruit, _sweet], product.Categories);
    }

    [Fact]
    public void Each_real_change_alone_moves_the_version()
    {
        var product = new Product("Apple", [_fruit]);
        var version = product.Version;

        product.ChangeDetails(name: "apple");
        product.ChangeDetails(categories: [_sweet]);

        Assert.Equal(version + 2, product.Version);
    }
}
