using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Overholt.Web.Api;

/// <summary>The query string of every searchable list endpoint: its page and <c>search=...</c>.</summary>
public sealed record ListQuery : PageQuery
{
    [Description("Only items containing this text (matched literally, ignoring case).")]
    [FromQuery(Name = "search")]
    public string? Search { get; init; }
}
