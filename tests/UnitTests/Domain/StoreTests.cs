using Overholt.Domain.Primitives;
using Overholt.Domain.Stores;

namespace Overholt.UnitTests.Domain;

public sealed class StoreTests
{
    private static Store NewStore() => new("Corner shop", "1 Main St", "Portland", "OR", "97201");

    [Fact]
    public void Adding_a_manager_records_them_and_raises_ManagerAdded()
    {
        var store = NewStore();

        store.AddManager(7);

        Assert.True(store.IsManagedBy(7));
        Assert.Equal(new ManagerAdded(store.Id, 7), Assert.Single(store.DomainEvents));
    }

    [Fact]
    public void Adding_the_same_manager_twice_fails_with_manager_exists()
    {
        var store = NewStore();
        store.AddManager(7);

        var error = Assert.Throws<DomainRuleException>(() => store.AddManager(7));

        Assert.Equal("Manager exists", error.Message);
        Assert.Single(store.Managers);
        Assert.Single(store.DomainEvents);
    }

    [Fact]
    public void Removing_a_manager_raises_ManagerRemoved()
    {
        var store = NewStore();
        store.AddManager(7);
        store.ClearDomainEvents();

        store.RemoveManager(7);

        Assert.False(store.IsManagedBy(7));
        Assert.Equal(new ManagerRemoved(store.Id, 7), Assert.Single(store.DomainEvents));
    }

    [Fact]
    public void Removing_a_non_manager_fails_with_invalid_manager()
    {
        var store = NewStore();

        var error = Assert.Throws<DomainRuleException>(() => store.RemoveManager(7));

        Assert.Equal("Invalid manager", error.Message);
        Assert.Empty(store.DomainEvents);
    }

    [Fact]
    public void Adding_a_carried_product_fails_with_product_exists()
    {
        var store = NewStore();
        store.AddProduct(3);

        Assert.Equal("Product exists", Assert.Throws<DomainRuleException>(() => store.AddProduct(3)).Message);
        Assert.Single(store.Products);
    }

    [Fact]
    public void Removing_a_product_not_carried_fails_with_invalid_product()
    {
        var store = NewStore();
        store.AddProduct(3);
        store.RemoveProduct(3);

        Assert.Equal("Invalid product", Assert.Throws<DomainRuleException>(() => store.RemoveProduct(3)).Message);
    }

    [Fact]
    public void Changing_details_leaves_unnamed_fields_alone_and_trims()
    {
        var store = NewStore();

        store.ChangeDetails(name: "  Big shop ");

        Assert.Equal("Big shop", store.Name);
        Assert.Equal("Portland", store.City);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_store_needs_every_detail(string blank) =>
        Assert.Throws<DomainRuleException>(() => new Store("Shop", "1 Main St", blank, "OR", "97201"));

    [Fact]
    public void Details_are_limited_to_255_characters() =>
        Assert.Throws<DomainRuleException>(() => NewStore().ChangeDetails(zipCode: new string('9', Store.FieldMaxLength + 1)));

    [Fact]
    public void Sending_the_current_details_back_keeps_the_version()
    {
        var store = NewStore();

        store.ChangeDetails(" Corner shop", "1 Main St", "Portland ", "OR", "97201");
        store.ChangeDetails();

        Assert.Equal(0, store.Version);
        Assert.Equal("Corner shop", store.Name);
    }

    [Fact]
    public void Changing_several_details_moves_the_version_once()
    {
        var store = NewStore();

        store.ChangeDetails(name: "Big shop", city: "Salem", zipCode: "97301");

        Assert.Equal(1, store.Version);
        Assert.Equal(("Big shop", "1 Main St", "Salem", "97301"), (store.Name, store.Address, store.City, store.ZipCode));
    }

    [Fact]
    public void A_refused_detail_changes_none_of_the_others()
    {
        var store = NewStore();

        Assert.Throws<DomainRuleException>(() => store.ChangeDetails(name: "Big shop", city: " "));

        Assert.Equal(("Corner shop", 0), (store.Name, store.Version));
    }
}
