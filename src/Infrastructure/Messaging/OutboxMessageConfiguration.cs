using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Overholt.Infrastructure.Messaging;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox_messages");
        message.Property(m => m.Type).HasMaxLength(200);
        message.Property(m => m.LockedBy).HasMaxLength(200);
        message.Property(m => m.JobId).HasMaxLength(100);
        // The dispatcher's lookup: undispatched messages, oldest first.
        message.HasIndex(m => new { m.DispatchedAt, m.OccurredAt });
        // The purge's lookup: messages processed before the retention period, oldest first.
        message.HasIndex(m => m.ProcessedAt);
    }
}
