using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Overholt.Domain.Primitives;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// When each store, product and category was created: a column the database keeps (<c>created_at</c>, UTC) and the
/// domain does not need, so a shadow property. Rows from before it was added have none.
/// </summary>
internal static class CreationTimes
{
    public const string Property = "CreatedAt";

    public static void HasCreationTime<T>(this EntityTypeBuilder<T> entity)
        where T : Entity
    {
        entity.Property<DateTime?>(Property);
        entity.HasIndex(Property); // the dashboard counts creations per day over a recent period
    }
}

/// <summary>Stamps the creation time of what is being added, from the app's clock.</summary>
internal sealed class CreationTimeInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? db)
    {
        if (db is null)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries<Entity>().Where(entry => entry.State == EntityState.Added && entry.Metadata.FindProperty(CreationTimes.Property) is not null))
            entry.Property(CreationTimes.Property).CurrentValue = now;
    }
}
