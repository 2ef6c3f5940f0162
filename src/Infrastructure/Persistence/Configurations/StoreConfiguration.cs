using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Stores;

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
        store.HasCreationTime();
        store.Ignore(s => s.DomainEvents);

        store.HasMany(s => s.Products).WithOne().HasForeignKey(carried => carried.StoreId).OnDelete(DeleteBehavior.Cascade);
        store.Navigation(s => s.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        store.HasMany(s => s.Managers).WithOne().HasForeignKey(manager => manager.StoreId).OnDelete(DeleteBehavior.Cascade);
        store.Navigation(s => s.Managers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
