using Ardalis.Specification;
using NSubstitute;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Stores.Commands.AddManager;
using Overholt.Application.Stores.Commands.RemoveManager;
using Overholt.Application.Users;
using Overholt.Domain.Primitives;
using Overholt.Domain.Stores;

namespace Overholt.UnitTests.Application;

public sealed class StoreHandlerTests
{
    private readonly IRepository<Store> _stores = Substitute.For<IRepository<Store>>();
    private readonly IUserDirectory _users = Substitute.For<IUserDirectory>();

    [Fact]
    public async Task Adding_a_manager_to_an_unknown_store_is_not_found()
    {
        _stores.FirstOrDefaultAsync(Arg.Any<ISpecification<Store>>(), Arg.Any<CancellationToken>()).Returns((Store?)null);

        var error = await Assert.ThrowsAsync<NotFoundException>(async () => await new AddManagerHandler(_stores, _users).Handle(new AddManager(1, 2), default));

        Assert.Equal(nameof(Store), error.Resource);
    }

    [Fact]
    public async Task Adding_an_unknown_user_is_not_found_and_changes_nothing()
    {
        var store = GivenStore();
        _users.ExistsAsync(2, Arg.Any<CancellationToken>()).Returns(false);

        var error = await Assert.ThrowsAsync<NotFoundException>(async () => await new AddManagerHandler(_stores, _users).Handle(new AddManager(1, 2), default));

        Assert.Equal("User", error.Resource);
        Assert.Empty(store.Managers);
    }

    [Fact]
    public async Task Adding_a_manager_delegates_the_rule_to_the_store()
    {
        var store = GivenStore();
        _users.ExistsAsync(2, Arg.Any<CancellationToken>()).Returns(true);

        await new AddManagerHandler(_stores, _users).Handle(new AddManager(1, 2), default);

        Assert.True(store.IsManagedBy(2));
        Assert.IsType<ManagerAdded>(Assert.Single(store.DomainEvents));
    }

    [Fact]
    public async Task Removing_a_user_who_exists_but_does_not_manage_is_the_domain_rule()
    {
        GivenStore();
        _users.ExistsAsync(2, Arg.Any<CancellationToken>()).Returns(true);

        var error = await Assert.ThrowsAsync<DomainRuleException>(async () => await new RemoveManagerHandler(_stores, _users).Handle(new RemoveManager(1, 2), default));

        Assert.Equal("Invalid manager", error.Message);
    }

    private Store GivenStore()
    {
        var store = new Store("Shop", "1 Main St", "Portland", "OR", "97201");
        _stores.FirstOrDefaultAsync(Arg.Any<ISpecification<Store>>(), Arg.Any<CancellationToken>()).Returns(store);
        return store;
    }
}
