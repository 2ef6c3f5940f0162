using System.Reflection;

namespace Overholt.Web.Hosting;

/// <summary>
/// The build writes docs/openapi.json by starting the app under Microsoft.Extensions.ApiDescription.Server's
/// GetDocument tool. Then the app only describes itself: no database, no background work.
/// </summary>
internal static class BuildTimeDocument
{
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
