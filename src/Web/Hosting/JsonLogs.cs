using Microsoft.Extensions.Logging.Console;

namespace Overholt.Web.Hosting;

/// <summary>
/// Logs an operator can ship: with <c>Logging:Console:FormatterName=json</c> (the framework's own formatter) each entry is
/// one JSON object on one line, with a UTC timestamp and its scopes, which carry the request's trace id, unless
/// <c>Logging:Console:FormatterOptions</c> says otherwise.
/// </summary>
internal static class JsonLogs
{
    private const string Options = "Logging:Console:FormatterOptions";

    public static void AddJsonLogDefaults(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(Options);
        builder.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            if (configured[nameof(JsonConsoleFormatterOptions.IncludeScopes)] is null)
                json.IncludeScopes = true;
            if (configured[nameof(JsonConsoleFormatterOptions.TimestampFormat)] is null)
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            if (configured[nameof(JsonConsoleFormatterOptions.UseUtcTimestamp)] is null)
                json.UseUtcTimestamp = true;
        });
    }
}
