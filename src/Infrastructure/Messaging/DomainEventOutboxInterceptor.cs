using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Overholt.Domain.Primitives;

namespace Overholt.Infrastructure.Messaging;

/// <summary>
/// Moves the domain events of the entities being saved into outbox rows of the same SaveChanges, so a change that
/// commits always has its events and one that rolls back never does.
/// </summary>
internal sealed class DomainEventOutboxInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RecordEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        RecordEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void RecordEvents(DbContext? db)
    {
        if (db is null)
            return;
        var raising = db.ChangeTracker.Entries<IRaisesEvents>().Select(entry => entry.Entity).Where(entity => entity.DomainEvents.Count > 0).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entity in raising)
        {
            db.Set<OutboxMessage>().AddRange(entity.DomainEvents.Select(domainEvent => OutboxMessage.For(domainEvent, now)));
            entity.ClearDomainEvents();
        }
    }
}
