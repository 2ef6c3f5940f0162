using Mediator;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.History.Commands.PurgeHistory;

/// <summary>Deletes the history entries recorded before <see cref="Before"/> and returns how many went.</summary>
[RequiresRole(Roles.Admin)]
public sealed record PurgeHistory(DateTimeOffset Before) : ICommand<int>;

public sealed class PurgeHistoryHandler(IChangeHistory history) : ICommandHandler<PurgeHistory, int>
{
    public async ValueTask<int> Handle(PurgeHistory command, CancellationToken cancellationToken) =>
        await history.PurgeAsync(command.Before, cancellationToken);
}
