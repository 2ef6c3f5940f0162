using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Security;

/// <summary>
/// Limits the endpoints that check a password (API login, the login page, a password change) and the token refresh:
/// per client network (<see cref="ClientNetwork"/>: an IPv6 client counts by its /64) and window, against password
/// spraying across many accounts, and per node to <see cref="SignInThrottlingOptions.ConcurrentPasswordChecks"/> at
/// once, so no flood can queue up unbounded hashing work. Both are per node: a cluster of N nodes behind a balancer
/// allows N times the window's attempts. Guesses against one account are bounded by <see cref="SignInGuard"/> in the
/// database, whichever node they reach. Refusals are 429 with <c>Retry-After</c>: the status code pages turn them into
/// problem+json on the API and the friendly page elsewhere.
/// </summary>
internal static class SignInThrottling
{
    public const string Policy = "sign-in";

    private const string PasswordChecks = "password-checks";

    public static IServiceCollection AddSignInThrottling(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottlingOptions>().BindConfiguration(SignInThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInThrottlingOptions>>().Value;
                // The client's address as UseForwardedHeaders found it: behind a trusted proxy, the forwarded one.
                return RateLimitPartition.GetFixedWindowLimiter(ClientNetwork.Of(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = limits.Window,
                    QueueLimit = 0,
                });
            });
            // One ceiling for the whole node, on the same endpoints.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy
                    ? RateLimitPartition.GetConcurrencyLimiter(PasswordChecks, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<SignInThrottlingOptions>>().Value.ConcurrentPasswordChecks,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }
}
