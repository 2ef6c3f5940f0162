using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Idempotency;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("idempotency_keys");
        // Keys are per user: the same key from two users names two requests. The key is unique per user, which is what
        // makes claiming it atomic.
        builder.HasKey(key => new { key.UserId, key.Key });
        builder.Property(key => key.Key).HasColumnName("idempotency_key").HasMaxLength(IdempotencyKeys.MaxKeyLength);
        builder.Property(key => key.Fingerprint).HasMaxLength(32);
        builder.Property(key => key.ClaimedBy).HasMaxLength(32);
        builder.Property(key => key.ContentType).HasMaxLength(256);
        builder.Property(key => key.Location).HasMaxLength(2048);
        builder.Property(key => key.ETag).HasColumnName("etag").HasMaxLength(256);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(key => key.UserId).OnDelete(DeleteBehavior.Cascade);
        // The purge of expired keys looks them up by age.
        builder.HasIndex(key => key.CreatedAt);
    }
}
