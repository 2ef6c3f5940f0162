namespace Overholt.Web.Pages.Models;

public sealed record NewUserForm
{
    public string? Email { get; init; }

    public string? Password { get; init; }
}
