namespace Overholt.Web.Hosting;

internal static class RequestLimits
{
    /// <summary>No request of this API needs more than a few kilobytes; larger bodies are refused with 413.</summary>
    public const long MaxBodyBytes = 256 * 1024;
}
