namespace Overholt.Domain.Users;

/// <summary>Limits on a user's account details, shared by the identity store and the validators.</summary>
public static class UserLimits
{
    public const int EmailMaxLength = 255;
    public const int PasswordMinLength = 8;
}
