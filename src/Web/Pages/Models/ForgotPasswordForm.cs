namespace Overholt.Web.Pages.Models;

public sealed record ForgotPasswordForm
{
    public string? Email { get; init; }
}
