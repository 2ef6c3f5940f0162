using Mediator;
using Overholt.Application.Errors;
using Overholt.Application.Security;

namespace Overholt.Application.Users.Queries.GetUser;

/// <summary>A user as everyone may see it; admins read the account with <c>GetUserAccount</c>.</summary>
[AllowSignedInUsers]
public sealed record GetUser(int UserId) : IQuery<UserSummaryDto>;

public sealed class GetUserHandler(IUserDirectory users) : IQueryHandler<GetUser, UserSummaryDto>
{
    public async ValueTask<UserSummaryDto> Handle(GetUser query, CancellationToken cancellationToken) =>
        await users.FindAsync(query.UserId, cancellationToken) ?? throw new NotFoundException("User", query.UserId);
}
