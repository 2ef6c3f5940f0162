using Overholt.Domain.Categories;

namespace Overholt.UnitTests.Domain;

public sealed class CategoryTests
{
    [Fact]
    public void A_category_description_can_be_cleared()
    {
        var category = new Category("Fruit", "Sweet things");

        category.ChangeDetails(description: "");

        Assert.Null(category.Description);
        Assert.Equal(1, category.Version);
    }

    [Fact]
    public void Sending_the_current_details_back_keeps_the_version()
    {
        var category = new Category("Fruit", "Sweet things");

        category.ChangeDetails("Fruit ", " Sweet things");
        category.ChangeDetails();

        Assert.Equal(0, category.Version);
        Assert.Equal(("Fruit", "Sweet things"), (category.Name, category.Description));
    }

    [Fact]
    public void Clearing_a_description_there_is_not_is_no_change()
    {
        var category = new Category("Fruit");

        category.ChangeDetails(description: "  ");

        Assert.Equal(0, category.Version);
    }

    [Fact]
    public void A_new_name_and_description_together_move_the_version_once()
    {
        var category = new Category("Fruit", "Sweet things");

        category.ChangeDetails("Vegetables", "Green things");

        Assert.Equal(1, category.Version);
        Assert.Equal(("Vegetables", "Green things"), (category.Name, category.Description));
    }
}
