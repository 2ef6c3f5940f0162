using Microsoft.EntityFrameworkCore;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Users;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Identity;

/// <summary>Reads users from the identity tables as no-tracking projections.</summary>
internal sealed class UserDirectory(OverholtDbContext db) : IUserDirectory
{
    public Task<bool> ExistsAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(user => user.Id == userId, cancellationToken);

    public Task<UserSummaryDto?> FindAsync(int userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(user => user.Id == userId)
            .Select(user => new UserSummaryDto { Id = user.Id, Email = user.Email! })
            .FirstOrDefaultAsync(cancellationToken);

    public Task<UserAccountDto?> FindAccountAsync(int userId, CancellationToken cancellationToken) =>
        Accounts(db.Users.AsNoTracking().Where(user => user.Id == userId)).FirstOrDefaultAsync(cancellationToken);

    public async Task<Page<UserAccountDto>> ListAsync(string? search, IPagedRequest page, CancellationToken cancellationToken)
    {
        var users = Matching(db.Users, search);
        return await Accounts(users.OrderBy(user => user.Email).ThenBy(user => user.Id)).ToPageAsync(users, page, cancellationToken);
    }

    public Task<UserSummaryDto?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return db.Users.AsNoTracking()
            .Where(user => user.NormalizedEmail == normalized)
            .Select(user => new UserSummaryDto { Id = user.Id, Email = user.Email! })
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, string>> GetEmailsAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(user => userIds.Contains(user.Id))
            .Select(user => new { user.Id, user.Email })
            .ToDictionaryAsync(user => user.Id, user => user.Email ?? string.Empty, cancellationToken);

    public Task<Page<UserSummaryDto>> ListStoreManagersAsync(int storeId, string? search, IPagedRequest page, CancellationToken cancellationToken)
    {
        var managers = Matching(db.Users, search).Where(user => db.Set<StoreManager>().Any(manager => manager.StoreId == storeId && manager.UserId == user.Id));
        return Summaries(managers).ToPageAsync(managers, page, cancellationToken);
    }

    public Task<Page<UserSummaryDto>> ListNotManagingAsync(int storeId, string? search, IPagedRequest page, CancellationToken cancellationToken)
    {
        var others = Matching(db.Users, search).Where(user => !db.Set<StoreManager>().Any(manager => manager.StoreId == storeId && manager.UserId == user.Id));
        return Summaries(others).ToPageAsync(others, page, cancellationToken);
    }

    /// <summary>The users whose email contains <paramref name="search"/> (all for none), through the normalized email, which is upper case on every provider.</summary>
    private static IQueryable<ApplicationUser> Matching(IQueryable<ApplicationUser> users, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
            return users.AsNoTracking();
        var pattern = SearchPattern.Containing(search).ToUpperInvariant();
        return users.AsNoTracking().Where(user => EF.Functions.Like(user.NormalizedEmail!, pattern, SearchPattern.EscapeCharacter));
    }

    private static IQueryable<UserSummaryDto> Summaries(IQueryable<ApplicationUser> users) =>
        users.OrderBy(user => user.Email).ThenBy(user => user.Id).Select(user => new UserSummaryDto { Id = user.Id, Email = user.Email! });

    /// <summary>
    /// Users as admins see them: roles (a correlated subquery; on SQLite, which splits collection reads, a second
    /// statement), activity and login tracking.
    /// </summary>
    private IQueryable<UserAccountDto> Accounts(IQueryable<ApplicationUser> users) =>
        users.Select(user => new UserAccountDto
        {
            Id = user.Id,
            Email = user.Email!,
            Roles = (from userRole in db.UserRoles
                     join role in db.Roles on userRole.RoleId equals role.Id
                     where userRole.UserId == user.Id
                     orderby role.Name
                     select role.Name!).ToList(),
            Active = user.Active,
            RegisteredAt = user.RegisteredAt,
            ConfirmedAt = user.ConfirmedAt,
            LastLoginAt = user.LastLoginAt,
            CurrentLoginAt = user.CurrentLoginAt,
            LastLoginIp = user.LastLoginIp,
            CurrentLoginIp = user.CurrentLoginIp,
            LoginCount = user.LoginCount,
        });
}
