namespace Overholt.Domain.Users;

/// <summary>The roles a user can hold.</summary>
public static class Roles
{
    /// <summary>May do everything.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Admin];
}
