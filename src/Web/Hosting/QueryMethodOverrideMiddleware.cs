namespace Overholt.Web.Hosting;

/// <summary>
/// <c>POST ...?__METHOD__=PUT|PATCH|DELETE</c> is handled as that method, as in the original. The header form
/// (<c>X-HTTP-Method-Override</c>) is the framework's own <c>UseHttpMethodOverride</c>.
/// </summary>
internal sealed class QueryMethodOverrideMiddleware(RequestDelegate next)
{
    public const string Parameter = "__METHOD__";

    private static readonly string[] Allowed = [HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Query.TryGetValue(Parameter, out var requested))
        {
            var method = Allowed.FirstOrDefault(allowed => string.Equals(allowed, requested.ToString(), StringComparison.OrdinalIgnoreCase));
            if (method is not null)
                context.Request.Method = method;
        }

        return next(context);
    }
}
