using Microsoft.EntityFrameworkCore;
using Overholt.Application.History;
using Overholt.Application.Paging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.History;

/// <summary>Reads the change history as no-tracking projections, newest first, and purges it.</summary>
internal sealed class ChangeHistory(OverholtDbContext db) : IChangeHistory
{
    public async Task<Page<HistoryEntryDto>> ListAsync(HistoryFilter filter, IPagedRequest page, CancellationToken cancellationToken)
    {
        var entries = db.Set<HistoryEntry>().AsNoTracking();
        if (filter.Actor is { } actorId)
            entries = entries.Where(entry => entry.ActorId == actorId);
        if (filter.Action is { } action)
            entries = entries.Where(entry => entry.Action == action);
        if (filter.ResourceType is { } type)
            entries = entries.Where(entry => entry.ResourceType == type);
        if (filter.ResourceId is { } id)
            entries = entries.Where(entry => entry.ResourceId == id);
        if (filter.From is { } from)
        {
            var since = from.UtcDateTime;
            entries = entries.Where(entry => entry.At >= since);
        }

        if (filter.To is { } to)
        {
            var until = to.UtcDateTime;
            entries = entries.Where(entry => entry.At < until);
        }

        var rows = await entries.OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id)
            .Select(entry => new Row(entry.Id, entry.At, entry.ActorId, entry.Actor, entry.Action, entry.ResourceType, entry.ResourceId, entry.Changes, entry.TraceId))
            .ToPageAsync(entries, page, cancellationToken);
        return new Page<HistoryEntryDto>([.. rows.Items.Select(ToDto)], rows.PageNumber, rows.PageSize, rows.Total);
    }

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var until = before.UtcDateTime;
        return db.Set<HistoryEntry>().Where(entry => entry.At < until).ExecuteDeleteAsync(cancellationToken);
    }

    private static HistoryEntryDto ToDto(Row row) => new()
    {
        Id = row.Id,
        At = new DateTimeOffset(DateTime.SpecifyKind(row.At, DateTimeKind.Utc)),
        Actor = row.ActorId is { } id
            ? new HistoryActorDto(id, row.Actor, HistoryActorDto.UserKind)
            : new HistoryActorDto(null, null, row.Actor),
        Action = row.Action,
        ResourceType = row.ResourceType,
        ResourceId = row.ResourceId,
        Changes = ChangeSet.ReadFields(row.Changes),
        TraceId = row.TraceId,
    };

    private sealed record Row(long Id, DateTime At, int? ActorId, string Actor, string Action, string ResourceType, int ResourceId, string Changes, string? TraceId);
}
