using System.ComponentModel.DataAnnotations;

namespace Overholt.Web.Pages.Models;

public sealed record LoginForm
{
    [Required]
    [EmailAddress]
    public string? Email { get; init; }

    [Required]
    [DataType(DataType.Password)]
    public string? Password { get; init; }

    [Display(Name = "Keep me signed in")]
    public bool RememberMe { get; init; }

    public string? ReturnUrl { get; init; }
}
