using Mediator;
using Overholt.Application.Security;
using Overholt.Domain.Primitives;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Commands.SetAdmin;

/// <summary>Gives a user the admin role, or takes it away.</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetAdmin(int UserId, bool IsAdmin) : ICommand;

public sealed class SetAdminHandler(IUserAccounts accounts, ICurrentUser currentUser) : ICommandHandler<SetAdmin>
{
    public async ValueTask<Unit> Handle(SetAdmin command, CancellationToken cancellationToken)
    {
        if (!command.IsAdmin && command.UserId == currentUser.Id)
            throw new DomainRuleException("You cannot remove your own admin role");
        await accounts.SetInRoleAsync(command.UserId, Roles.Admin, command.IsAdmin, cancellationToken);
        return Unit.Value;
    }
}
