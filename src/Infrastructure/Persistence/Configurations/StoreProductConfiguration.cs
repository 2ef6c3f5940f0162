using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Stores;

namespace Overholt.Infrastructure.Persistence.Configurations;

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
