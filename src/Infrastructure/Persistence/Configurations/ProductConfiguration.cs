using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Categories;
using Overholt.Domain.Products;

namespace Overholt.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("products");
        product.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        product.HasIndex(p => p.Name);
        product.HasCreationTime();
        product.Ignore(p => p.DomainEvents);

        product.HasMany(p => p.Categories).WithMany().UsingEntity(
            "products_categories",
            right => right.HasOne(typeof(Category)).WithMany().HasForeignKey("category_id").OnDelete(DeleteBehavior.Cascade),
            left => left.HasOne(typeof(Product)).WithMany().HasForeignKey("product_id").OnDelete(DeleteBehavior.Cascade),
            join =>
            {
                join.HasKey("product_id", "category_id");
                join.HasIndex("category_id");
            });
        product.Navigation(p => p.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
        product.Navigation(p => p.CarriedBy).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
