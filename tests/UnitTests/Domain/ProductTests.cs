using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Products;

namespace Overholt.UnitTests.Domain;

public sealed class ProductTests
{
    [Fact]
    public void A_product_needs_a_category() =>
        Assert.Throws<DomainRuleException>(() => new Product("Apple", []));

    [Fact]
    public void Categorizing_replaces_the_categories_without_duplicates()
    {
        var fruit = new Category("Fruit");
        var sweet = new Category("Sweet");
        var product = new Product("Apple", [fruit]);

        product.CategorizeAs([sweet, sweet]);

        Assert.Equal([sweet], product.Categories);
    }

    [Fact]
    public void A_category_description_can_be_cleared()
    {
        var category = new Category("Fruit", "Sweet things");

        category.Describe("");

        Assert.Null(category.Description);
    }
}
