namespace Overholt.Application.Users;

/// <summary>A user as every signed-in user sees it, alone or inside other resources (a store's managers).</summary>
public sealed class UserSummaryDto
{
    public int Id { get; init; }

    public string Email { get; set; } = string.Empty;
}
