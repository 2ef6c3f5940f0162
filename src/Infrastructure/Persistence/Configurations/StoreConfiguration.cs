using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Persistence.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> store)
    {
        store.ToTable("stores");
        store.Property(s => s.Name).HasMaxLength(Store.FieldMaxLength);
        store.Property(s => s.Address).HasMaxLength(Store.FieldMaxLength);
        store.Property(s => s.City).HasMaxLength(Store.FieldMaxLength);
        store.Property(s => s.State).HasMaxLength(Store.FieldMaxLength);
        store.Property(s => s.ZipCode).HasMaxLength(Store.FieldMaxLength);
        store.HasIndex(s => s.Name);
        store.Ignore(s => s.DomainEvents);

        store.HasMany(s => s.Products).WithOne().HasForeignKey(carried => carried.StoreId).OnDelete(DeleteBehavior.Cascade);
        store.Navigation(s => s.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        store.HasMany(s => s.Managers).WithOne().HasForeignKey(manager => manager.StoreId).OnDelete(DeleteBehavior.Cascade);
        store.Navigation(s => s.Managers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StoreProductConfiguration : IEntityTypeConfiguration<StoreProduct>
{
    public void Configure(EntityTypeBuilder<StoreProduct> carried)
    {
        carried.ToTable("stores_products");
        carried.HasKey(c => new { c.StoreId, c.ProductId });
        carried.HasIndex(c => c.ProductId);
        carried.HasOne(c => c.Product).WithMany(product => product.CarriedBy).HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
