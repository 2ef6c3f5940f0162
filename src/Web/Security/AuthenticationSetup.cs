using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Overholt.Application.Security;
using Overholt.Domain.Users;
using Overholt.Infrastructure;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Security;

internal static class AuthenticationSetup
{
    /// <summary>Signed in with the cookie, active, and in role admin: the job dashboard's policy.</summary>
    public const string AdminPolicy = "Admin";

    /// <summary>Signed in with the cookie and active: the admin pages' policy (anonymous visitors go to the login page).</summary>
    public const string PagesPolicy = "Pages";

    /// <summary>Identity's bearer tokens and cookie. API routes answer 401/403 themselves; they never redirect to a login page.</summary>
    public static IServiceCollection AddOverholtAuthentication(this IServiceCollection services)
    {
        services.AddOverholtIdentity();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "overholt.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/login";
            options.Events.OnRedirectToLogin = AnswerApiOrRedirectToLogin;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Signed in but not allowed is a 403 everywhere, never a trip to an "access denied" page.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Cookie sessions re-check the account's security stamp every minute: role changes, password resets and
        // deactivation reach signed-in browsers quickly (bearer tokens are checked for activity on every request).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<IAuthorizationHandler, ActiveUserHandler>();
        var activeUser = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ActiveUserRequirement()).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(activeUser)
            .AddPolicy(PagesPolicy, policy => policy.Combine(activeUser).AddAuthenticationSchemes(IdentityConstants.ApplicationScheme))
            .AddPolicy(AdminPolicy, policy => policy
                .Combine(activeUser)
                .RequireRole(Roles.Admin)
                // Browser pages sign in with the cookie, so an anonymous visitor is sent to the login page.
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }

    /// <summary>
    /// The Identity API endpoints under /api/auth: login (bearer token, or the cookie with ?useCookies=true), refresh and
    /// the account's own info. Registration is open only when <c>Auth:AllowSelfRegistration</c> is true; the endpoints
    /// that would send email stay closed until the app sends email.
    /// </summary>
    public static void MapOverholtAuth(this WebApplication app)
    {
        var allowRegistration = app.Configuration.GetValue<bool>("Auth:AllowSelfRegistration");
        string[] closed = ["/confirmEmail", "/resendConfirmationEmail", "/forgotPassword", "/resetPassword"];
        app.MapGroup("/api/auth")
            .MapIdentityApi<ApplicationUser>()
            .AddEndpointFilter(async (context, next) =>
            {
                var path = context.HttpContext.Request.Path.Value ?? string.Empty;
                var isClosed = closed.Any(endpoint => path.EndsWith(endpoint, StringComparison.OrdinalIgnoreCase))
                    || (!allowRegistration && path.EndsWith("/register", StringComparison.OrdinalIgnoreCase));
                return isClosed ? Results.Problem(statusCode: StatusCodes.Status404NotFound) : await next(context);
            });
    }

    private static Task AnswerApiOrRedirectToLogin(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
