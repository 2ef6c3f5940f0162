using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;

namespace Overholt.Application.Users.Queries.GetCurrentUser;

/// <summary>Who am I: the signed-in user (an admin reads their own account with <c>GetUserAccount</c>).</summary>
[AllowSignedInUsers]
public sealed record GetCurrentUser : IQuery<UserSummaryDto>;

public sealed class GetCurrentUserHandler(ICurrentUser currentUser, IUserDirectory users) : IQueryHandler<GetCurrentUser, UserSummaryDto>
{
    public async ValueTask<UserSummaryDto> Handle(GetCurrentUser query, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw new NotSignedInException();
        return await users.FindAsync(userId, cancellationToken)
            ?? throw new NotFoundException("User", userId);
    }
}
