using Mediator;
using Overholt.Application.Security;
using Overholt.Domain.Primitives;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Commands.DeleteUser;

/// <summary>Deletes an account: it stops managing its stores, and its sessions and tokens end (within seconds on other nodes).</summary>
[RequiresRole(Roles.Admin)]
public sealed record DeleteUser(int UserId) : ICommand;

public sealed class DeleteUserHandler(IUserAccounts accounts, ICurrentUser currentUser) : ICommandHandler<DeleteUser>
{
    public async ValueTask<Unit> Handle(DeleteUser command, CancellationToken cancellationToken)
    {
        if (command.UserId == currentUser.Id)
            throw new DomainRuleException("You cannot delete your own account");
        await accounts.DeleteAsync(command.UserId, cancellationToken);
        return Unit.Value;
    }
}
