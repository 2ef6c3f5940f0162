using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Users;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.Email).HasMaxLength(UserLimits.EmailMaxLength);
        user.Property(u => u.NormalizedEmail).HasMaxLength(UserLimits.EmailMaxLength);
        user.Property(u => u.UserName).HasMaxLength(UserLimits.EmailMaxLength);
        user.Property(u => u.NormalizedUserName).HasMaxLength(UserLimits.EmailMaxLength);
        user.Property(u => u.LastLoginIp).HasMaxLength(100);
        user.Property(u => u.CurrentLoginIp).HasMaxLength(100);
        // Emails are unique in the database too, not only in UserManager's check.
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
    }
}
