using Mediator;
using Overholt.Application.Security;
using Overholt.Domain.Primitives;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Commands.SetUserActive;

/// <summary>Deactivates (no sign-in, no access, at once) or reactivates an account.</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetUserActive(int UserId, bool Active) : ICommand;

public sealed class SetUserActiveHandler(IUserAccounts accounts, ICurrentUser currentUser) : ICommandHandler<SetUserActive>
{
    public async ValueTask<Unit> Handle(SetUserActive command, CancellationToken cancellationToken)
    {
        if (!command.Active && command.UserId == currentUser.Id)
            throw new DomainRuleException("You cannot deactivate your own account");
        await accounts.SetActiveAsync(command.UserId, command.Active, cancellationToken);
        return Unit.Value;
    }
}
