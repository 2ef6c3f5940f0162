using Ardalis.Specification;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Overholt.Application.Email;
using Overholt.Application.Messaging;
using Overholt.Application.Persistence;
using Overholt.Application.Stores.Events;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.UnitTests.Application;

/// <summary>The handler that emails a manager added to or removed from a store.</summary>
public sealed class EmailManagerChangesTests
{
    private readonly IReadRepository<Store> _stores = Substitute.For<IReadRepository<Store>>();
    private readonly IUserDirectory _users = Substitute.For<IUserDirectory>();
    private readonly IEmailSender _email = Substitute.For<IEmailSender>();
    private readonly IProcessedMessages _processed = Substitute.For<IProcessedMessages>();

    public EmailManagerChangesTests() =>
        // Run the work as the real implementation would the first time.
        _processed.RunOnceAsync(Arg.Any<Guid>(), Arg.Any<string>(), Arg.Any<Func<CancellationToken, Task>>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                await call.Arg<Func<CancellationToken, Task>>()(CancellationToken.None);
                return true;
            });

    [Fact]
    public async Task The_added_manager_gets_an_email_naming_the_store()
    {
        GivenStoreAndUser("Corner shop", "ann@example.com");

        await Handler().Handle(new ManagerAddedNotification(Guid.NewGuid(), 1, 2), CancellationToken.None);

        await _email.Received(1).SendAsync(
            Arg.Is<EmailMessage>(message => message.To == "ann@example.com" && message.Subject == "You are now a manager of Corner shop"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Each_message_is_sent_under_its_own_message_id()
    {
        GivenStoreAndUser("Corner shop", "ann@example.com");
        var messageId = Guid.NewGuid();

        await Handler().Handle(new ManagerRemovedNotification(messageId, 1, 2), CancellationToken.None);

        await _processed.Received(1).RunOnceAsync(messageId, nameof(EmailManagerChanges), Arg.Any<Func<CancellationToken, Task>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_store_is_gone()
    {
        _stores.FirstOrDefaultAsync(Arg.Any<ISpecification<Store, string>>(), Arg.Any<CancellationToken>()).Returns((string?)null);
        _users.GetEmailsAsync(Arg.Any<IReadOnlyCollection<int>>(), Arg.Any<CancellationToken>()).Returns(new Dictionary<int, string> { [2] = "ann@example.com" });

        await Handler().Handle(new ManagerAddedNotification(Guid.NewGuid(), 1, 2), CancellationToken.None);

        await _email.DidNotReceiveWithAnyArgs().SendAsync(default!, default);
    }

    [Fact]
    public async Task A_send_failure_propagates_so_the_job_is_retried()
    {
        GivenStoreAndUser("Corner shop", "ann@example.com");
        _email.SendAsync(Arg.Any<EmailMessage>(), Arg.Any<CancellationToken>()).Returns(Task.FromException(new IOException("connection refused")));

        await Assert.ThrowsAsync<IOException>(async () => await Handler().Handle(new ManagerAddedNotification(Guid.NewGuid(), 1, 2), CancellationToken.None));
    }

    private EmailManagerChanges Handler() => new(_stores, _users, _email, _processed, NullLogger<EmailManagerChanges>.Instance);

    private void GivenStoreAndUser(string storeName, string email)
    {
        _stores.FirstOrDefaultAsync(Arg.Any<ISpecification<Store, string>>(), Arg.Any<CancellationToken>()).Returns(storeName);
        _users.GetEmailsAsync(Arg.Any<IReadOnlyCollection<int>>(), Arg.Any<CancellationToken>()).Returns(new Dictionary<int, string> { [2] = email });
    }
}
