using System.ComponentModel.DataAnnotations;

namespace Overholt.Web.Pages;

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

public sealed record CategoryForm
{
    /// <summary>The version the form was opened at (hidden): saving refuses to overwrite a newer one.</summary>
    public int? Version { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }
}

public sealed record ProductForm
{
    /// <summary>The version the form was opened at (hidden): saving refuses to overwrite a newer one.</summary>
    public int? Version { get; init; }

    public string? Name { get; init; }

    public List<int> Categories { get; init; } = [];
}

/// <summary>A list page's query string: <c>?page=2&amp;search=shop</c>.</summary>
public sealed record ListRequest
{
    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    public string? Search { get; init; }
}
