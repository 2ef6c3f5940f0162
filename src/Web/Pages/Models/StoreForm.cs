using System.ComponentModel.DataAnnotations;

namespace Overholt.Web.Pages.Models;

public sealed record StoreForm
{
    /// <summary>The version the form was opened at (hidden): saving refuses to overwrite a newer one.</summary>
    public int? Version { get; init; }

    public string? Name { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    [Display(Name = "Zip code")]
    public string? ZipCode { get; init; }
}
