using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.ListStoreManagers;

/// <summary>A store's managers, by email; <c>Search</c> matches part of the email.</summary>
[AllowSignedInUsers]
public sealed record ListStoreManagers(int StoreId, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize, string? Search = null)
    : IQuery<Page<UserSummaryDto>>, ISearchRequest;

public sealed class ListStoreManagersHandler(IReadRepository<Store> stores, IUserDirectory users)
    : IQueryHandler<ListStoreManagers, Page<UserSummaryDto>>
{
    public async ValueTask<Page<UserSummaryDto>> Handle(ListStoreManagers query, CancellationToken cancellationToken)
    {
        await stores.EnsureExistsAsync(query.StoreId, cancellationToken);
        return await users.ListStoreManagersAsync(query.StoreId, query.Search, query, cancellationToken);
    }
}

public sealed class ListStoreManagersValidator : SearchRequestValidator<ListStoreManagers>;
