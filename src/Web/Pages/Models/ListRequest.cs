using System.ComponentModel.DataAnnotations;

namespace Overholt.Web.Pages.Models;

/// <summary>A list page's query string: <c>?page=2&amp;search=shop&amp;sort=-name</c> (a page's filters are its own parameters).</summary>
public sealed record ListRequest
{
    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    public string? Search { get; init; }

    /// <summary>As the API's <c>sort</c>: the column headers' links write it.</summary>
    public string? Sort { get; init; }
}
