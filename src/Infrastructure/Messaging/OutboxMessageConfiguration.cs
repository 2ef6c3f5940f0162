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
    }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> processed)
    {
        processed.ToTable("processed_messages");
        processed.HasKey(p => new { p.MessageId, p.Consumer });
        processed.Property(p => p.Consumer).HasMaxLength(200);
        processed.Property(p => p.ProcessedBy).HasMaxLength(200);
    }
}
