using System.Text.Encodings.Web;
using System.Text.Json;

namespace Overholt.Benchmarks.Raw;

internal static class Json
{
    /// <summary>The escaping ASP.NET Core's JSON output uses, so both sides send the same bytes for the same text.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
