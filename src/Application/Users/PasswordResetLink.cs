namespace Overholt.Application.Users;

/// <summary>A one-time link that sets a new password for the account with email <see cref="To"/>, until <see cref="ValidFor"/> has passed.</summary>
public sealed record PasswordResetLink(string To, Uri Url, TimeSpan ValidFor);
