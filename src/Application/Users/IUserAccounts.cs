namespace Overholt.Application.Users;

/// <summary>Changes to user accounts in the identity store (hashing, security stamps and roles are its business).</summary>
public interface IUserAccounts
{
    /// <summary>Creates an active account; a taken email is a conflict, a password the identity rules refuse is a validation error.</summary>
    Task<int> CreateAsync(string email, string password, CancellationToken cancellationToken);

    Task SetActiveAsync(int userId, bool active, CancellationToken cancellationToken);

    Task ResetPasswordAsync(int userId, string newPassword, CancellationToken cancellationToken);

    Task SetInRoleAsync(int userId, string role, bool inRole, CancellationToken cancellationToken);

    /// <summary>Lifts the account's sign-in lockouts, from every client network.</summary>
    Task UnlockAsync(int userId, CancellationToken cancellationToken);

    /// <summary>
    /// A password reset link for the active account with this email, or null when there is none (or recovery by email
    /// is not set up). The link stops working once used, once the password changes otherwise, and after its lifetime.
    /// </summary>
    Task<PasswordResetLink?> CreatePasswordResetLinkAsync(string email, CancellationToken cancellationToken);

    /// <summary>Removes the account; the stores it managed lose it as a manager (their versions move on).</summary>
    Task DeleteAsync(int userId, CancellationToken cancellationToken);
}
