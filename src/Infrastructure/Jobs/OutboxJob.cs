using System.ComponentModel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Overholt.Application.Messaging;
using Overholt.Application.Telemetry;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>The Hangfire job for one outbox message: publishes its event as a notification to the handlers.</summary>
public sealed class OutboxJob(OverholtDbContext db, IPublisher publisher, TimeProvider clock)
{
    [DisplayName("Outbox message {0}")]
    public async Task RunAsync(Guid messageId, CancellationToken cancellationToken)
    {
        using var activity = OverholtTelemetry.Source.StartActivity("outbox job");
        activity?.SetTag("overholt.outbox.message_id", messageId);
        var message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new InvalidOperationException($"Outbox message {messageId} does not exist");
        await publisher.Publish((object)DomainEventNotifications.From(message.Id, message.ReadEvent()), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>().Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, now), cancellationToken);
    }
}
