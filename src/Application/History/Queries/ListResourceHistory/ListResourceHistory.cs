using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.History.Queries.ListResourceHistory;

/// <summary>
/// The changes recorded for one product, category or user, newest first. A deleted resource's history is still read;
/// an id never seen has none (an empty page, not a 404: the history does not know which ids existed).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ListResourceHistory(string ResourceType, int ResourceId, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize)
    : IQuery<Page<HistoryEntryDto>>, IPagedRequest;

public sealed class ListResourceHistoryHandler(IChangeHistory history) : IQueryHandler<ListResourceHistory, Page<HistoryEntryDto>>
{
    public async ValueTask<Page<HistoryEntryDto>> Handle(ListResourceHistory query, CancellationToken cancellationToken) =>
        await history.ListAsync(new HistoryFilter(ResourceType: query.ResourceType, ResourceId: query.ResourceId), query, cancellationToken);
}

public sealed class ListResourceHistoryValidator : HistoryRequestValidator<ListResourceHistory>
{
    public ListResourceHistoryValidator() => Filters(query => new HistoryFilter(ResourceType: query.ResourceType, ResourceId: query.ResourceId));
}
