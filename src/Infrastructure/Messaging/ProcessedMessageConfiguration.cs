using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Overholt.Infrastructure.Messaging;

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> processed)
    {
        processed.ToTable("processed_messages");
        processed.HasKey(p => new { p.MessageId, p.Consumer });
        processed.Property(p => p.Consumer).HasMaxLength(200);
        processed.Property(p => p.ProcessedBy).HasMaxLength(200);
        // The purge's lookup: records of processing finished before the retention period, oldest first.
        processed.HasIndex(p => p.ProcessedAt);
    }
}
