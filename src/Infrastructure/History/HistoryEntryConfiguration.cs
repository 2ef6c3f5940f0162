using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Overholt.Infrastructure.History;

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> entry)
    {
        entry.ToTable("change_history");
        entry.Property(e => e.Actor).HasMaxLength(HistoryEntry.ActorMaxLength);
        entry.Property(e => e.Action).HasMaxLength(HistoryEntry.ActionMaxLength);
        entry.Property(e => e.ResourceType).HasMaxLength(HistoryEntry.ResourceTypeMaxLength);
        entry.Property(e => e.TraceId).HasMaxLength(HistoryEntry.TraceIdMaxLength);

        // One index per read, each in the reads' order (newest first, then the later id): a resource's history, the
        // whole history (and the purge, by time), and one user's changes.
        entry.HasIndex(e => new { e.ResourceType, e.ResourceId, e.At, e.Id }).IsDescending(false, false, true, true);
        entry.HasIndex(e => new { e.At, e.Id }).IsDescending(true, true);
        entry.HasIndex(e => new { e.ActorId, e.At, e.Id }).IsDescending(false, true, true);
    }
}
