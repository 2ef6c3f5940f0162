using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// The account state of signed-in users, read with one primary-key query and kept for
/// <see cref="AuthOptions.AccountCheckInterval"/>, so checking it on every request costs no query in the steady state.
/// A change made on this node is seen as soon as it is committed (<see cref="AccountChangeInterceptor"/> forgets the
/// entry); a change made on another node is seen when the entry expires, or at once when a session carries a stamp the
/// entry does not know.
/// </summary>
public sealed class AccountStates(OverholtDbContext db, IMemoryCache cache, IOptions<AuthOptions> options)
{
    public async ValueTask<AccountState?> GetAsync(int userId, bool fresh, CancellationToken cancellationToken)
    {
        var key = new CacheKey(userId);
        if (!fresh && cache.TryGetValue(key, out AccountState? cached))
            return cached;

        var state = await db.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new AccountState(user.SecurityStamp, user.Active))
            .FirstOrDefaultAsync(cancellationToken);
        cache.Set(key, state, options.Value.AccountCheckInterval);
        return state;
    }

    public static void Forget(IMemoryCache cache, int userId) => cache.Remove(new CacheKey(userId));

    private readonly record struct CacheKey(int UserId);
}
