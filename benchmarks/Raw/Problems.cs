using System.Text.Json;

namespace Overholt.Benchmarks.Raw;

/// <summary>RFC 9457 problem+json with the app's <c>error</c> or <c>errors</c> member.</summary>
internal static class Problems
{
    public static async Task WriteAsync(
        HttpContext http, int status, string title, string detail, string? error = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Json.WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", TypeFor(status));
        json.WriteString("title", title);
        json.WriteNumber("status", status);
        json.WriteString("detail", detail);
        if (error is not null)
            json.WriteString("error", error);
        if (errors is not null)
        {
            json.WriteStartObject("errors");
            foreach (var (field, message) in errors)
            {
                json.WriteStartArray(field);
                json.WriteStringValue(message);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        _ => "about:blank",
    };
}
