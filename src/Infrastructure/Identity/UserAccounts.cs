using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Overholt.Application.Errors;
using Overholt.Application.Users;
using Overholt.Application.Users.Commands.CreateUser;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Identity;

/// <summary>Account changes through Identity's UserManager: passwords hashed, security stamps renewed, roles kept.</summary>
internal sealed class UserAccounts(UserManager<ApplicationUser> users, OverholtDbContext db, SignInGuard guard, PasswordRecovery recovery, TimeProvider clock) : IUserAccounts
{
    public async Task<int> CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
            throw new ConflictException($"A user with the email {email} already exists");

        var user = new ApplicationUser { UserName = email, Email = email, RegisteredAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password));
        return user.Id;
    }

    public async Task SetActiveAsync(int userId, bool active, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        user.Active = active;
        Check(await users.UpdateAsync(user));
        // Ends cookie sessions at their next validation; bearer tokens are refused at once by the active-account check.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ResetPasswordAsync(int userId, string newPassword, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        // Replaced in place (each step renews the stamp), not through a reset token: making one may create a data-
        // protection key, saved by a context of its own, which on SQLite waits for this transaction's write lock.
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, newPassword));
    }

    public async Task SetInRoleAsync(int userId, string role, bool inRole, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        var isInRole = await users.IsInRoleAsync(user, role);
        if (inRole == isInRole)
            return;
        Check(inRole ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role));
        // Roles travel in the sign-in cookie: a new stamp makes existing cookies re-read them (or end) at their next check.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task UnlockAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        await guard.UnlockAsync(user.NormalizedUserName!, cancellationToken);
        if (user.LockoutEnd is not null) // a lock Identity itself set, before locks were kept per client network
            Check(await users.SetLockoutEndDateAsync(user, null));
    }

    public Task<PasswordResetLink?> CreatePasswordResetLinkAsync(string email, CancellationToken cancellationToken) => recovery.CreateLinkAsync(email);

    public async Task DeleteAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userId);
        // Through the stores' own rule, so each store's version moves on; Identity's delete saves both in one SaveChanges.
        var managed = await db.Stores.Include(store => store.Managers).Where(store => store.Managers.Any(manager => manager.UserId == userId)).ToListAsync(cancellationToken);
        foreach (var store in managed)
        {
            store.RemoveManager(userId);
            store.ClearDomainEvents(); // nobody is left to email
        }

        Check(await users.DeleteAsync(user));
    }

    private async Task<ApplicationUser> FindAsync(int userId) =>
        await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new NotFoundException("User", userId);

    /// <summary>Identity's refusals (weak password, duplicate email) become the API's error types.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
            return;
        if (result.Errors.Any(error => error.Code is "DuplicateEmail" or "DuplicateUserName" or "ConcurrencyFailure"))
            throw new ConflictException(string.Join(" ", result.Errors.Select(error => error.Description)));
        var field = result.Errors.All(error => error.Code.StartsWith("Password", StringComparison.Ordinal)) ? nameof(CreateUser.Password)
            : result.Errors.All(error => error.Code is "InvalidEmail" or "InvalidUserName") ? nameof(CreateUser.Email)
            : RequestValidationException.WholeRequest;
        throw new RequestValidationException(new Dictionary<string, string[]> { [field] = result.Errors.Select(error => error.Description).ToArray() });
    }
}
