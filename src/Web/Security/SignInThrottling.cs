using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Overholt.Web.Security;

/// <summary>
/// Limits sign-in attempts (API login and refresh, the login page) per client address, against password spraying
/// across many accounts; Identity's lockout already limits guesses against one account. Refusals are 429 with
/// <c>Retry-After</c>: the status code pages turn them into problem+json on the API and the friendly page elsewhere.
/// </summary>
internal static class SignInThrottling
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottlingOptions>().BindConfiguration(SignInThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInThrottlingOptions>>().Value;
                // The client's address as UseForwardedHeaders found it: behind a trusted proxy, the forwarded one.
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = limits.Window,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
