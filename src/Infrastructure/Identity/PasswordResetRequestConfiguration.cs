using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Overholt.Infrastructure.Identity;

internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> builder)
    {
        builder.ToTable("password_reset_requests");
        builder.HasKey(request => request.Email);
        builder.Property(request => request.Email).HasMaxLength(256);
        // The purge of stale rows looks them up by age.
        builder.HasIndex(request => request.RequestedAt);
    }
}
