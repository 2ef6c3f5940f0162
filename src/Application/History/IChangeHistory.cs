using Overholt.Application.Paging;

namespace Overholt.Application.History;

/// <summary>Reads and purges the change history; entries are written by the persistence layer as changes are saved.</summary>
public interface IChangeHistory
{
    /// <summary>One page of the entries the filter selects, newest first.</summary>
    Task<Page<HistoryEntryDto>> ListAsync(HistoryFilter filter, IPagedRequest page, CancellationToken cancellationToken);

    /// <summary>Deletes the entries recorded before <paramref name="before"/>; returns how many went.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
