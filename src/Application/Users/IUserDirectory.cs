using Overholt.Application.Paging;

namespace Overholt.Application.Users;

/// <summary>Reads users from the identity store. Users live outside the domain model, so reads of them go through this port.</summary>
public interface IUserDirectory
{
    Task<bool> ExistsAsync(int userId, CancellationToken cancellationToken);

    Task<UserSummaryDto?> FindAsync(int userId, CancellationToken cancellationToken);

    /// <summary>The user's account as admins see it.</summary>
    Task<UserAccountDto?> FindAccountAsync(int userId, CancellationToken cancellationToken);

    Task<UserSummaryDto?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The emails of the given users, in one query.</summary>
    Task<IReadOnlyDictionary<int, string>> GetEmailsAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken);

    /// <summary>One page of the users <paramref name="filter"/> selects, with their account details, in its order.</summary>
    Task<Page<UserAccountDto>> ListAsync(UserListFilter filter, IPagedRequest page, CancellationToken cancellationToken);

    /// <summary>One page of the managers of a store whose email contains <paramref name="search"/> (all for none), by email (then id).</summary>
    Task<Page<UserSummaryDto>> ListStoreManagersAsync(int storeId, string? search, IPagedRequest page, CancellationToken cancellationToken);

    /// <summary>One page of the users who do not manage the store (who could be made its managers), matched as <see cref="ListStoreManagersAsync"/>.</summary>
    Task<Page<UserSummaryDto>> ListNotManagingAsync(int storeId, string? search, IPagedRequest page, CancellationToken cancellationToken);
}
