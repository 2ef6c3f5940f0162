using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Users;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.Stores.Queries.ListManagerCandidates;

/// <summary>
/// Users who do not manage the store yet (whom an admin could add), by email; <c>Search</c> matches part of the email.
/// Admins only, as adding a manager is: the list tells which addresses have accounts.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ListManagerCandidates(int StoreId, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null)
    : IQuery<Page<UserSummaryDto>>, ISearchRequest;

public sealed class ListManagerCandidatesHandler(IReadRepository<Store> stores, IUserDirectory users)
    : IQueryHandler<ListManagerCandidates, Page<UserSummaryDto>>
{
    public async ValueTask<Page<UserSummaryDto>> Handle(ListManagerCandidates query, CancellationToken cancellationToken)
    {
        await stores.EnsureExistsAsync(query.StoreId, cancellationToken);
        return await users.ListNotManagingAsync(query.StoreId, query.Search, query, cancellationToken);
    }
}

public sealed class ListManagerCandidatesValidator : SearchRequestValidator<ListManagerCandidates>;
