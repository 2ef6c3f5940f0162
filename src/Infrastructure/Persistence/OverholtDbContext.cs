using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// The one database: the retail model and ASP.NET Core Identity side by side. Each provider has a subclass
/// (<see cref="SqliteOverholtDbContext"/>, <see cref="PostgresOverholtDbContext"/>) that owns its migrations.
/// </summary>
public abstract class OverholtDbContext : IdentityDbContext<ApplicationUser, ApplicationRole, int>, IDataProtectionKeyContext
{
    protected OverholtDbContext(DbContextOptions options)
        : base(options)
    {
        // A failed save rolls the whole command back (UnitOfWork), so EF's savepoint around each save inside the
        // transaction would only cost two round trips per write. Set here, it holds for every lease of a pooled
        // context: the pool restores what the constructor left (a test on a reused context keeps it so).
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>The keys that protect cookies, bearer tokens and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Category> Categories => Set<Category>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OverholtDbContext).Assembly);

        // Optimistic concurrency: a save based on an older version of an aggregate matches no row and is refused.
        foreach (var aggregate in builder.Model.GetEntityTypes().Where(type => typeof(Entity).IsAssignableFrom(type.ClrType)).ToList())
            builder.Entity(aggregate.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();

        // The original's table names, in snake_case (the naming convention does the columns).
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<ApplicationRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<int>>().ToTable("roles_users");
        builder.Entity<IdentityUserClaim<int>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<int>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<int>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<int>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
