using Microsoft.AspNetCore.Identity;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// A signed-in user changing their own password. The current password is a password check like a sign-in: a wrong one
/// counts toward the lockout of that account from that client network (<see cref="SignInGuard"/>), and a locked-out
/// network is refused before any check, so a stolen session is no way to guess the password. A change renews the
/// security stamp: every other session and token of the account ends.
/// </summary>
public sealed class OwnPasswordChange(UserManager<ApplicationUser> users, SignInGuard guard)
{
    public async Task<OwnPasswordChangeResult> ChangeAsync(ApplicationUser user, string currentPassword, string newPassword, string client)
    {
        var name = user.NormalizedUserName!;
        if (await guard.IsLockedOutAsync(name, client))
            return OwnPasswordChangeResult.LockedOut;

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            await guard.ForgetAsync(name, client);
            return OwnPasswordChangeResult.Changed;
        }

        if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await guard.RecordFailureAsync(name, client);
            return OwnPasswordChangeResult.WrongCurrentPassword;
        }

        return new OwnPasswordChangeResult(OwnPasswordChangeOutcome.Refused, result.Errors.Select(error => error.Description).ToArray());
    }
}

public enum OwnPasswordChangeOutcome
{
    Changed,
    WrongCurrentPassword,
    LockedOut,

    /// <summary>The new password breaks the password rules (<see cref="OwnPasswordChangeResult.Reasons"/>).</summary>
    Refused,
}

public sealed record OwnPasswordChangeResult(OwnPasswordChangeOutcome Outcome, IReadOnlyList<string> Reasons)
{
    public static readonly OwnPasswordChangeResult Changed = new(OwnPasswordChangeOutcome.Changed, []);
    public static readonly OwnPasswordChangeResult WrongCurrentPassword = new(OwnPasswordChangeOutcome.WrongCurrentPassword, []);
    public static readonly OwnPasswordChangeResult LockedOut = new(OwnPasswordChangeOutcome.LockedOut, []);
}
