using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Queries.GetUserAccount;

/// <summary>A user's account as admins see it: roles, activity and login tracking.</summary>
[RequiresRole(Roles.Admin)]
public sealed record GetUserAccount(int UserId) : IQuery<UserAccountDto>;

public sealed class GetUserAccountHandler(IUserDirectory users) : IQueryHandler<GetUserAccount, UserAccountDto>
{
    public async ValueTask<UserAccountDto> Handle(GetUserAccount query, CancellationToken cancellationToken) =>
        await users.FindAccountAsync(query.UserId, cancellationToken) ?? throw new NotFoundException("User", query.UserId);
}
