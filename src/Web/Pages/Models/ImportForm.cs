using Overholt.Application.Imports;

namespace Overholt.Web.Pages.Models;

/// <summary>The Import page's form.</summary>
public sealed class ImportForm
{
    public string? Kind { get; set; } = ImportTerms.Products;

    public IFormFile? File { get; set; }

    public string? UnknownCategories { get; set; } = ImportTerms.Refuse;

    public string? Mode { get; set; } = ImportTerms.AllOrNothing;
}
