using Overholt.Domain.Primitives;

namespace Overholt.Domain.Users;

/// <summary>
/// Someone asked for a password reset link for an email address. Whether an account has that address is looked up
/// only when the email is sent, so asking costs the same whether or not one does.
/// </summary>
public sealed record PasswordResetRequested(string Email) : IDomainEvent;
