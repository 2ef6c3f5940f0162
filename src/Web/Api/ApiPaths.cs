using System.Text.Json;

namespace Overholt.Web.Api;

/// <summary>Where the API lives and how it names things: what tells an API request from a page request.</summary>
internal static class ApiPaths
{
    public const string Prefix = "/api";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix);

    /// <summary>The API's JSON names: snake_case, as the original's.</summary>
    public static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;
}
