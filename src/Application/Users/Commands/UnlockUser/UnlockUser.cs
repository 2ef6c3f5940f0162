using Mediator;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Commands.UnlockUser;

/// <summary>Lifts every sign-in lockout on an account, from every client network (an admin who locked themselves out, say).</summary>
[RequiresRole(Roles.Admin)]
public sealed record UnlockUser(int UserId) : ICommand;

public sealed class UnlockUserHandler(IUserAccounts accounts) : ICommandHandler<UnlockUser>
{
    public async ValueTask<Unit> Handle(UnlockUser command, CancellationToken cancellationToken)
    {
        await accounts.UnlockAsync(command.UserId, cancellationToken);
        return Unit.Value;
    }
}
