using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Overholt.Application.Users;
using Overholt.Application.Validation;
using Overholt.Domain.Users;
using Overholt.Infrastructure.Email;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Password recovery by email. Asking for a link answers the same, and costs the same statements, whether or not an
/// account has the address: the request is recorded with an outbox message, and the background job that sends the
/// email is the first to look the address up (<see cref="Application.Users.Events.EmailPasswordResetLink"/>). One
/// email per address per <see cref="RequestWindow"/>. A link is Identity's data-protected reset token, bound to the
/// account's security stamp: it works once, stops working when the password changes any other way, and expires after
/// <see cref="LinkLifetime"/>. Recovery is on only when <see cref="EmailOptions.LinkBaseUrl"/> says where links lead
/// (never the request's Host header, which a client chooses).
/// </summary>
public sealed class PasswordRecovery(
    OverholtDbContext db,
    UserManager<ApplicationUser> users,
    SignInGuard guard,
    IOptions<EmailOptions> email,
    TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan RequestWindow = TimeSpan.FromMinutes(5);

    public const string InvalidLinkMessage = "This password reset link is not valid: it has expired, was used already, or the password was changed since. Ask for a new one.";

    public bool IsOn => email.Value.LinkBaseUrl is not null;

    /// <summary>Records that a link was asked for <paramref name="address"/>; the email follows from a background job.</summary>
    public async Task RequestAsync(string address, CancellationToken cancellationToken)
    {
        // Nothing any account could have: no different answer, nothing recorded.
        if (!IsOn || !CouldBeAnAccount(address))
            return;

        var normalized = users.NormalizeEmail(address);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var windowStart = now - RequestWindow;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // Atomic: of two requests at the same instant, one claims the window.
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO password_reset_requests (email, requested_at) VALUES ({normalized}, {now})
                ON CONFLICT (email) DO UPDATE SET requested_at = {now} WHERE password_reset_requests.requested_at < {windowStart}
                """,
                token);
            if (claimed == 1)
            {
                db.Set<OutboxMessage>().Add(OutboxMessage.For(new PasswordResetRequested(address), now));
                await db.SaveChangesAsync(token);
            }

            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    /// <summary>Forgets requests whose window has passed: they no longer hold back another email.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var windowStart = clock.GetUtcNow().UtcDateTime - RequestWindow;
        return db.Set<PasswordResetRequest>().Where(request => request.RequestedAt < windowStart).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A link for the active account with this address, or null when there is none (or recovery is off).</summary>
    public async Task<PasswordResetLink?> CreateLinkAsync(string address)
    {
        if (email.Value.LinkBaseUrl is not { } linkBase || await users.FindByEmailAsync(address) is not { Active: true, Email: { } to } user)
            return null;

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var root = linkBase.AbsoluteUri.EndsWith('/') ? linkBase : new Uri(linkBase.AbsoluteUri + "/");
        return new PasswordResetLink(to, new Uri(root, $"reset-password?email={Uri.EscapeDataString(to)}&code={code}"), LinkLifetime);
    }

    /// <summary>
    /// Sets a new password with a link's code. Every session and token of the account ends (a new security stamp) and
    /// its sign-in lockouts are lifted: whoever holds the link holds the mailbox.
    /// </summary>
    public async Task<IdentityResult> ResetAsync(string address, string code, string newPassword)
    {
        if (await FindAccountAsync(address) is not { } user || Decode(code) is not { } token)
            return InvalidLink();

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
            await guard.UnlockAsync(user.NormalizedUserName!);
        // Two uses at the same instant: the second finds the account changed under it, as a used link.
        return result.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? InvalidLink()
            : result;
    }

    /// <summary>Whether a link would still set a password, so its page can say at once that it will not.</summary>
    public async Task<bool> IsValidLinkAsync(string address, string code) =>
        await FindAccountAsync(address) is { } user
        && Decode(code) is { } token
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);

    private async Task<ApplicationUser?> FindAccountAsync(string address) =>
        IsOn && CouldBeAnAccount(address) && await users.FindByEmailAsync(address) is { Active: true } user
            ? user
            : null;

    private static bool CouldBeAnAccount(string address) =>
        address.Length <= UserLimits.EmailMaxLength && TextRules.IsPlain(address) && MailAddress.TryCreate(address, out _);

    private static IdentityResult InvalidLink() =>
        IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.InvalidToken), Description = InvalidLinkMessage });

    private static string? Decode(string code)
    {
        try
        {
            return code.Length is > 0 and <= 2048 ? Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
