namespace Overholt.Application.Users;

/// <summary>Which users a list of accounts shows, and in what order (the admin users page).</summary>
/// <param name="Search">Part of the email.</param>
/// <param name="Role"><see cref="UserListFilter.Admins"/>, <see cref="UserListFilter.NoRole"/>, or null for any.</param>
/// <param name="Active">Only active (true) or deactivated (false) accounts; null for both.</param>
/// <param name="Sort">One of <see cref="SortNames"/>, <c>-</c> before it for descending; null for by email.</param>
public sealed record UserListFilter(string? Search = null, string? Role = null, bool? Active = null, string? Sort = null)
{
    public const string Admins = "admin";
    public const string NoRole = "none";
    public const string ByEmail = "email";
    public const string ByLastSignIn = "last_sign_in";

    public static readonly IReadOnlyList<string> Roles = [Admins, NoRole];

    public static readonly IReadOnlyList<string> SortNames = [ByEmail, ByLastSignIn];
}
