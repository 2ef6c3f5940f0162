using Mediator;
using Overholt.Application.Paging;
using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Application.History.Queries.ListHistory;

/// <summary>Every recorded change the filter selects, newest first (the "Recent changes" page and <c>GET /api/history</c>).</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListHistory(HistoryFilter Filter, int Page = 1, int PageSize = IPagedRequest.DefaultPageSize) : IQuery<Page<HistoryEntryDto>>, IPagedRequest;

public sealed class ListHistoryHandler(IChangeHistory history) : IQueryHandler<ListHistory, Page<HistoryEntryDto>>
{
    public async ValueTask<Page<HistoryEntryDto>> Handle(ListHistory query, CancellationToken cancellationToken) =>
        await history.ListAsync(query.Filter, query, cancellationToken);
}

public sealed class ListHistoryValidator : HistoryRequestValidator<ListHistory>
{
    public ListHistoryValidator() => Filters(query => query.Filter);
}
