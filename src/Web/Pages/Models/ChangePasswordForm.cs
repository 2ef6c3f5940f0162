namespace Overholt.Web.Pages.Models;

public sealed record ChangePasswordForm
{
    public string? CurrentPassword { get; init; }

    public string? NewPassword { get; init; }

    public string? ConfirmPassword { get; init; }
}
