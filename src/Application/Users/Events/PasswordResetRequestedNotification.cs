using Mediator;

namespace Overholt.Application.Users.Events;

/// <summary>A password reset link was asked for <see cref="Email"/> (from outbox message <see cref="MessageId"/>).</summary>
public sealed record PasswordResetRequestedNotification(Guid MessageId, string Email) : INotification;
