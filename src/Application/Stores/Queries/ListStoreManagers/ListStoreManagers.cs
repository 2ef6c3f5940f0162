using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Users;
using Overholt.Domain.Stores;

namespace Overholt.Application.Stores.Queries.ListStoreManagers;

[AllowSignedInUsers]
public sealed record ListStoreManagers(int StoreId, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize)
    : IQuery<Page<UserSummaryDto>>, IPagedRequest;

public sealed class ListStoreManagersHandler(IReadRepository<Store> stores, IUserDirectory users)
    : IQueryHandler<ListStoreManagers, Page<UserSummaryDto>>
{
    public async ValueTask<Page<UserSummaryDto>> Handle(ListStoreManagers query, CancellationToken cancellationToken)
    {
        await stores.EnsureExistsAsync(query.StoreId, cancellationToken);
        return await users.ListStoreManagersAsync(query.StoreId, query, cancellationToken);
    }
}

public sealed class ListStoreManagersValidator : PagedRequestValidator<ListStoreManagers>;
