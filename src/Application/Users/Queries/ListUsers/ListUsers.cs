using FluentValidation;
using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.Users.Queries.ListUsers;

/// <summary>
/// Users with their account details, by email unless sorted by last sign-in; <c>Search</c> matches part of the email,
/// <c>Role</c> and <c>Active</c> narrow them (see <see cref="UserListFilter"/>).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ListUsers(
    int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null, string? Role = null, bool? Active = null, string? Sort = null)
    : IQuery<Page<UserAccountDto>>, ISearchRequest, ISortedRequest;

public sealed class ListUsersHandler(IUserDirectory users) : IQueryHandler<ListUsers, Page<UserAccountDto>>
{
    public async ValueTask<Page<UserAccountDto>> Handle(ListUsers query, CancellationToken cancellationToken) =>
        await users.ListAsync(new UserListFilter(query.Search, query.Role, query.Active, query.Sort), query, cancellationToken);
}

public sealed class ListUsersValidator : SearchRequestValidator<ListUsers>
{
    public ListUsersValidator()
    {
        RuleFor(query => query.Role).Must(role => role is null || UserListFilter.Roles.Contains(role))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", UserListFilter.Roles)}.");
        RuleFor(query => query.Sort).Must(sort => sort is null || SortOrder.Parse(sort, UserListFilter.SortNames) is { Count: 1 })
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", UserListFilter.SortNames)}, preceded by '-' to sort descending.");
    }
}
