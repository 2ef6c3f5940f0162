using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Queries.ListUsers;

/// <summary>Users with their account details, by email; <c>Search</c> matches part of the email.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListUsers(int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null)
    : IQuery<Page<UserAccountDto>>, ISearchRequest;

public sealed class ListUsersHandler(IUserDirectory users) : IQueryHandler<ListUsers, Page<UserAccountDto>>
{
    public async ValueTask<Page<UserAccountDto>> Handle(ListUsers query, CancellationToken cancellationToken) =>
        await users.ListAsync(query.Search, query, cancellationToken);
}

public sealed class ListUsersValidator : SearchRequestValidator<ListUsers>;
