using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Overholt.Application.Security;
using Overholt.Infrastructure;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Security;

internal static class AuthenticationSetup
{
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
            options.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<IAuthorizationHandler, ActiveUserHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ActiveUserRequirement()).Build());
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

    private static Task AnswerApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
