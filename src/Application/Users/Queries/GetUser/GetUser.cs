using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Queries.GetUser;

[AllowSignedInUsers]
public sealed record GetUser(int UserId) : IQuery<UserDto>;

public sealed class GetUserHandler(ICurrentUser currentUser, IUserDirectory users) : IQueryHandler<GetUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUser query, CancellationToken cancellationToken) =>
        await users.FindAsync(query.UserId, currentUser.IsInRole(Roles.Admin), cancellationToken)
            ?? throw new NotFoundException("User", query.UserId);
}
