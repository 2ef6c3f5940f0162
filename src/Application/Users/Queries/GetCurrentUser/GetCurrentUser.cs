using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Queries.GetCurrentUser;

/// <summary>Who am I: the signed-in user.</summary>
[AllowSignedInUsers]
public sealed record GetCurrentUser : IQuery<UserDto>;

public sealed class GetCurrentUserHandler(ICurrentUser currentUser, IUserDirectory users) : IQueryHandler<GetCurrentUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetCurrentUser query, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw new NotSignedInException();
        return await users.FindAsync(userId, currentUser.IsInRole(Roles.Admin), cancellationToken)
            ?? throw new NotFoundException("User", userId);
    }
}
