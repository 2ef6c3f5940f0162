using Microsoft.EntityFrameworkCore;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Messaging;

/// <summary>What waits in the outbox, undispatched: read by readiness (<c>/health</c>) and by the outbox metrics.</summary>
public sealed class OutboxBacklog(OverholtDbContext db)
{
    private IQueryable<OutboxMessage> Waiting => db.Set<OutboxMessage>().AsNoTracking().Where(message => message.DispatchedAt == null);

    public Task<int> CountAsync(CancellationToken cancellationToken) => Waiting.CountAsync(cancellationToken);

    /// <summary>When the oldest waiting message occurred, or null when none waits.</summary>
    public Task<DateTime?> OldestAsync(CancellationToken cancellationToken) => Waiting.MinAsync(message => (DateTime?)message.OccurredAt, cancellationToken);
}
