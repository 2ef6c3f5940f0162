using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// A change to an account (its stamp, activity, roles) or its deletion reaches this node's <see cref="AccountStates"/>
/// once it is committed: forgotten before, an entry could be read again, old, by a request in between, and trusted for
/// another interval.
/// </summary>
internal sealed class AccountChangeInterceptor(IMemoryCache cache) : AfterCommitInterceptor<HashSet<int>>
{
    protected override HashSet<int>? Collect(DbContext context, HashSet<int>? earlier)
    {
        var changed = context.ChangeTracker.Entries()
            .Where(entry => entry.State is EntityState.Modified or EntityState.Deleted or EntityState.Added)
            .Select(entry => entry.Entity switch
            {
                ApplicationUser user when entry.State != EntityState.Added => user.Id,
                IdentityUserRole<int> role => role.UserId,
                _ => (int?)null,
            })
            .OfType<int>()
            .ToList();
        if (changed.Count == 0)
            return earlier;
        var ids = earlier ?? [];
        ids.UnionWith(changed);
        return ids;
    }

    protected override void Committed(HashSet<int> changes)
    {
        foreach (var userId in changes)
            AccountStates.Forget(cache, userId);
    }
}
