using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Categories;

namespace Overholt.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("categories");
        category.Property(c => c.Name).HasMaxLength(Category.NameMaxLength);
        category.Property(c => c.Description).HasMaxLength(Category.DescriptionMaxLength);
        category.HasIndex(c => c.Name).IsUnique();
        category.HasCreationTime();
        category.Ignore(c => c.DomainEvents);
    }
}
