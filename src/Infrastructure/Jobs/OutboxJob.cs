using System.ComponentModel;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Overholt.Application.Messaging;
using Overholt.Application.Telemetry;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

/// <summary>The Hangfire job for one outbox message: publishes its event as a notification to the handlers.</summary>
public sealed partial class OutboxJob(OverholtDbContext db, IPublisher publisher, TimeProvider clock, ILogger<OutboxJob> logger)
{
    [DisplayName("Outbox message {0}")]
    public async Task RunAsync(Guid messageId, CancellationToken cancellationToken)
    {
        using var activity = OverholtTelemetry.Source.StartActivity("outbox job");
        activity?.SetTag("overholt.outbox.message_id", messageId);
        var message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            // Only processed messages are purged (OutboxPurger), and no retry brings back one this database never had
            // (a restored backup, a job re-queued from an old dashboard entry): nothing is left to do.
            LogMessageGone(messageId);
            return;
        }

        await publisher.Publish((object)DomainEventNotifications.From(message.Id, message.ReadEvent()), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>().Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ProcessedAt, now), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} is not in the outbox: processed and purged after the retention period, or never committed to this database. The job ends with nothing to do.")]
    private partial void LogMessageGone(Guid messageId);
}
