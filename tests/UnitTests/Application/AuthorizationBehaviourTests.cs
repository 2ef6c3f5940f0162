using Ardalis.Specification;
using Mediator;
using NSubstitute;
using Overholt.Application.Behaviours;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores;
using Overholt.Application.Stores.Commands.DeleteStore;
using Overholt.Application.Stores.Commands.UpdateStore;
using Overholt.Application.Stores.Queries.GetStore;
using Overholt.Application.Stores.Specifications;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.UnitTests.Application;

public sealed class AuthorizationBehaviourTests
{
    private readonly ICurrentUser _user = Substitute.For<ICurrentUser>();
    private readonly IReadRepository<Store> _stores = Substitute.For<IReadRepository<Store>>();
    private bool _handled;

    [Fact]
    public async Task Anonymous_requests_are_refused_before_the_handler()
    {
        _user.Id.Returns((int?)null);
        _user.IsAuthenticated.Returns(false);

        await Assert.ThrowsAsync<NotSignedInException>(() => Send(new GetStore(1)));

        Assert.False(_handled);
    }

    [Fact]
    public async Task Any_signed_in_user_may_read()
    {
        SignedIn(5);

        await Send(new GetStore(1));

        Assert.True(_handled);
    }

    [Fact]
    public async Task Admin_only_requests_refuse_other_users()
    {
        SignedIn(5);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new DeleteStore(1)));

        Assert.False(_handled);
    }

    [Fact]
    public async Task Admins_pass_admin_only_requests()
    {
        SignedIn(5);
        _user.IsInRole(Roles.Admin).Returns(true);

        await Send(new DeleteStore(1));

        Assert.True(_handled);
    }

    [Fact]
    public async Task A_manager_of_the_store_passes_store_manager_requests()
    {
        SignedIn(5);
        _stores.AnyAsync(Arg.Any<StoreManagedBySpec>(), Arg.Any<CancellationToken>()).Returns(true);

        await Send(new UpdateStore(1, "New name", null, null, null, null));

        Assert.True(_handled);
    }

    [Fact]
    public async Task Someone_elses_store_is_forbidden()
    {
        SignedIn(5);
        _stores.AnyAsync(Arg.Any<StoreManagedBySpec>(), Arg.Any<CancellationToken>()).Returns(false);
        _stores.AnyAsync(Arg.Any<ISpecification<Store>>(), Arg.Any<CancellationToken>()).Returns(false, true);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new UpdateStore(1, "New name", null, null, null, null)));

        Assert.False(_handled);
    }

    [Fact]
    public async Task An_unknown_store_is_left_for_the_handler_to_report_as_not_found()
    {
        SignedIn(5);
        _stores.AnyAsync(Arg.Any<ISpecification<Store>>(), Arg.Any<CancellationToken>()).Returns(false);

        await Send(new UpdateStore(404, "New name", null, null, null, null));

        Assert.True(_handled);
    }

    [Fact]
    public async Task A_message_that_declares_nobody_is_refused_even_to_admins()
    {
        SignedIn(5);
        _user.IsInRole(Roles.Admin).Returns(true);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new Undeclared()));

        Assert.False(_handled);
    }

    [Fact]
    public async Task The_operator_is_no_account_but_passes_admin_and_store_manager_requests()
    {
        _user.Id.Returns((int?)null);
        _user.IsAuthenticated.Returns(true);
        _user.IsInRole(Roles.Admin).Returns(true);

        await Send(new DeleteStore(1));
        await Send(new UpdateStore(1, "New name", null, null, null, null));

        Assert.True(_handled);
    }

    private void SignedIn(int userId)
    {
        _user.Id.Returns(userId);
        _user.IsAuthenticated.Returns(true);
    }

    private async Task Send<TMessage>(TMessage message)
        where TMessage : notnull, IMessage
    {
        var behaviour = new AuthorizationBehaviour<TMessage, Unit>(_user, new StoreAccessRule(_user, _stores));
        await behaviour.Handle(message, (_, _) =>
        {
            _handled = true;
            return ValueTask.FromResult(Unit.Value);
        }, CancellationToken.None);
    }
}

/// <summary>A query that forgot to say who may send it.</summary>
public sealed record Undeclared : IQuery<Unit>;
