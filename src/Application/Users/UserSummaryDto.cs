namespace Overholt.Application.Users;

/// <summary>A user as shown inside other resources (a store's managers).</summary>
public sealed class UserSummaryDto
{
    public int Id { get; init; }

    public string Email { get; set; } = string.Empty;
}
