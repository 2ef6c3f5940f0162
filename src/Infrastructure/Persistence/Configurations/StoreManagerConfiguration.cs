using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Persistence.Configurations;

internal sealed class StoreManagerConfiguration : IEntityTypeConfiguration<StoreManager>
{
    public void Configure(EntityTypeBuilder<StoreManager> manager)
    {
        manager.ToTable("stores_managers");
        manager.HasKey(m => new { m.StoreId, m.UserId });
        manager.HasIndex(m => m.UserId);
        manager.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_stores_managers_users_user_id");
    }
}
