using Microsoft.EntityFrameworkCore;
using Overholt.Application.Paging;
using Overholt.Application.Persistence;
using Overholt.Application.Users;
using Overholt.Domain.Stores;
using Overholt.Domain.Users;
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

    public async Task<Page<UserAccountDto>> ListAsync(UserListFilter filter, IPagedRequest page, CancellationToken cancellationToken)
    {
        var users = Matching(db.Users, filter.Search);
        if (filter.Active is { } active)
            users = users.Where(user => user.Active == active);
        users = filter.Role switch
        {
            UserListFilter.Admins => users.Where(user => db.UserRoles.Any(userRole => userRole.UserId == user.Id
                && db.Roles.Any(role => role.Id == userRole.RoleId && role.NormalizedName == Roles.Admin.ToUpperInvariant()))),
            UserListFilter.NoRole => users.Where(user => !db.UserRoles.Any(userRole => userRole.UserId == user.Id)),
            _ => users,
        };

        var sort = filter.Sort is null ? null : SortOrder.Parse(filter.Sort, UserListFilter.SortNames)?.Single();
        if (sort?.Name != UserListFilter.ByLastSignIn)
        {
            var byEmail = sort?.Descending == true ? users.OrderByDescending(user => user.Email) : users.OrderBy(user => user.Email);
            return await Accounts(byEmail.ThenBy(user => user.Id)).ToPageAsync(users, page, cancellationToken);
        }

        if (db is SqliteOverholtDbContext)
            return await ByLastSignInInMemoryAsync(users, sort.Descending, page, cancellationToken);
        // Never signed in last, whichever the direction.
        var bySignIn = users.OrderBy(user => user.CurrentLoginAt == null);
        bySignIn = sort.Descending ? bySignIn.ThenByDescending(user => user.CurrentLoginAt) : bySignIn.ThenBy(user => user.CurrentLoginAt);
        return await Accounts(bySignIn.ThenBy(user => user.Id)).ToPageAsync(users, page, cancellationToken);
    }

    /// <summary>
    /// SQLite cannot order by a date with an offset (EF Core stores it as text it will not compare), so the embedded
    /// default orders the matching users' ids and sign-in times here (two small columns; an admin directory's size),
    /// then reads the page's accounts by id.
    /// </summary>
    private async Task<Page<UserAccountDto>> ByLastSignInInMemoryAsync(IQueryable<ApplicationUser> users, bool descending, IPagedRequest page, CancellationToken cancellationToken)
    {
        var signIns = await users.Select(user => new { user.Id, user.CurrentLoginAt }).ToListAsync(cancellationToken);
        var ordered = signIns.OrderBy(user => user.CurrentLoginAt is null);
        ordered = descending ? ordered.ThenByDescending(user => user.CurrentLoginAt) : ordered.ThenBy(user => user.CurrentLoginAt);
        var ids = ordered.ThenBy(user => user.Id).Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).Select(user => user.Id).ToList();
        var accounts = await Accounts(db.Users.AsNoTracking().Where(user => ids.Contains(user.Id))).ToListAsync(cancellationToken);
        return new Page<UserAccountDto>([.. accounts.OrderBy(account => ids.IndexOf(account.Id))], page.Page, page.PageSize, signIns.Count);
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
