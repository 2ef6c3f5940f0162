using System.Text.Json;

namespace Overholt.Benchmarks.Raw;

/// <summary>The app's paging rules for every list: a page from 1, a page size from 1 to 200.</summary>
internal static class Paging
{
    private const int MaxPageSize = 200;

    /// <summary>Answers 400 with the field at fault, as the app does, and returns false when the page is out of range.</summary>
    public static async Task<bool> CheckAsync(HttpContext http, int page, int pageSize)
    {
        if (page >= 1 && page <= int.MaxValue / MaxPageSize && pageSize >= 1 && pageSize <= MaxPageSize)
            return true;

        var field = pageSize is < 1 or > MaxPageSize ? "page_size" : "page";
        await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "One or more fields are invalid", "One or more fields are invalid",
            errors: new Dictionary<string, string> { [field] = $"'{field}' is out of range." });
        return false;
    }

    /// <summary>The <c>meta</c> of a list envelope: <c>{"page", "page_size", "total"}</c>.</summary>
    public static void WriteMeta(Utf8JsonWriter json, int page, int pageSize, long total)
    {
        json.WriteStartObject("meta");
        json.WriteNumber("page", page);
        json.WriteNumber("page_size", pageSize);
        json.WriteNumber("total", total);
        json.WriteEndObject();
    }
}
