using System.ComponentModel.DataAnnotations;

namespace Overholt.Web.Pages.Models;

/// <summary>A list page's query string: <c>?page=2&amp;search=shop</c>.</summary>
public sealed record ListRequest
{
    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    public string? Search { get; init; }
}
