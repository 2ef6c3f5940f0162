namespace Overholt.Web.Pages.Models;

public sealed record CategoryForm
{
    /// <summary>The version the form was opened at (hidden): saving refuses to overwrite a newer one.</summary>
    public int? Version { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}
