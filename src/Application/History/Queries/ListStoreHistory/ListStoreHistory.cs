using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Security;
using Overholt.Application.Stores;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;

namespace Overholt.Application.History.Queries.ListStoreHistory;

/// <summary>
/// The changes recorded for one store, newest first, for admins and the store's managers. Admins read a deleted
/// store's history (and an empty page for an id never seen); for anyone else a store that no longer exists has no
/// managers, so it is not found.
/// </summary>
[RequiresStoreManager]
public sealed record ListStoreHistory(int StoreId, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize)
    : IQuery<Page<HistoryEntryDto>>, IPagedRequest, ITargetsStore;

public sealed class ListStoreHistoryHandler(IChangeHistory history, IReadRepository<Store> stores, ICurrentUser currentUser)
    : IQueryHandler<ListStoreHistory, Page<HistoryEntryDto>>
{
    public async ValueTask<Page<HistoryEntryDto>> Handle(ListStoreHistory query, CancellationToken cancellationToken)
    {
        // The authorization behaviour lets a request about a store that does not exist through, for the handler to report.
        if (!currentUser.IsInRole(Roles.Admin))
            await stores.EnsureExistsAsync(query.StoreId, cancellationToken);
        return await history.ListAsync(new HistoryFilter(ResourceType: HistoryActions.Store, ResourceId: query.StoreId), query, cancellationToken);
    }
}

public sealed class ListStoreHistoryValidator : PagedRequestValidator<ListStoreHistory>;
