using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Overholt.Application.Errors;
using Overholt.Domain.Users;
using Overholt.Infrastructure;
using Overholt.Infrastructure.Identity;
using Overholt.Web.Api;

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
            SessionRevocation.CheckCookies(options);
            options.Events.OnRedirectToLogin = AnswerApiOrRedirectToLogin;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Signed in but not allowed is a 403 everywhere, never a trip to an "access denied" page.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Cookies also refresh their claims from the account every minute; revocation itself is SessionRevocation's,
        // checked on every request (from a cache of a few seconds), for cookies and bearer tokens alike.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, SessionRevocation.CheckBearerTokens);
        services.AddSingleton<BearerTickets>();
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
        return services;
    }

    /// <summary>
    /// The Identity API endpoints under /api/auth: login (bearer token, or the cookie with ?useCookies=true), refresh, the
    /// account's own info, and password recovery (<see cref="PasswordRecovery"/>) when <c>Email:LinkBaseUrl</c> is set.
    /// Registration is open only when <c>Auth:AllowSelfRegistration</c> is true; email confirmation and two-factor are
    /// closed. What is closed is decided per endpoint when the routes are built, from its route pattern, so no spelling
    /// of a path (case, trailing slash) reaches it.
    /// </summary>
    public static void MapOverholtAuth(this WebApplication app)
    {
        var allowRegistration = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.AllowSelfRegistration;
        // Two-factor is not offered: the sign-in forms have no second step, so an enrolled authenticator would lock its owner out.
        string[] closed =
        [
            "/confirmEmail", "/resendConfirmationEmail", "/manage/2fa",
            .. allowRegistration ? Array.Empty<string>() : ["/register"],
        ];
        app.MapGroup($"{ApiPaths.Prefix}/auth")
            .WithTags("Auth")
            .MapIdentityApi<ApplicationUser>()
            .Add(endpoint =>
            {
                var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? string.Empty;
                if (closed.Any(name => pattern.EndsWith(name, StringComparison.OrdinalIgnoreCase)))
                {
                    endpoint.FilterFactories.Add((_, _) => _ => ValueTask.FromResult<object?>(Results.NotFound()));
                    endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
                }
                var method = endpoint.Metadata.OfType<IHttpMethodMetadata>().FirstOrDefault()?.HttpMethods.FirstOrDefault();
                foreach (var operation in IdentityOperations.Where(operation => operation.Method == method && pattern.EndsWith(operation.Path, StringComparison.Ordinal)))
                {
                    endpoint.Metadata.Add(new EndpointNameMetadata(operation.Name));
                    endpoint.Metadata.Add(new EndpointSummaryAttribute(operation.Summary));
                }

                var changesPassword = method == HttpMethods.Post && pattern.EndsWith("/manage/info", StringComparison.Ordinal);
                string[] throttled = ["/login", "/refresh", "/forgotPassword", "/resetPassword"];
                if (changesPassword || throttled.Any(name => pattern.EndsWith(name, StringComparison.Ordinal)))
                    endpoint.Metadata.Add(new EnableRateLimitingAttribute(SignInThrottling.Policy));
                // Identity's own recovery needs a confirmed email and sends inline; these answer through the outbox.
                if (pattern.EndsWith("/forgotPassword", StringComparison.Ordinal))
                    endpoint.FilterFactories.Add((_, _) => RequestResetLinkAsync);
                if (pattern.EndsWith("/resetPassword", StringComparison.Ordinal))
                    endpoint.FilterFactories.Add((_, _) => ResetPasswordAsync);
                if (changesPassword)
                    endpoint.FilterFactories.Add((_, next) => context => WrongCurrentPasswordsCountAsync(context, next));
                if (pattern.EndsWith("/login", StringComparison.Ordinal))
                    endpoint.FilterFactories.Add((_, next) => async context => SameAnswerForEveryFailedLogin(await next(context)));
            });
    }

    /// <summary>The operation id and summary the OpenAPI document gives each Identity endpoint that can be open.</summary>
    private static readonly (string Method, string Path, string Name, string Summary)[] IdentityOperations =
    [
        ("POST", "/register", "register", "Create an account (only when Auth:AllowSelfRegistration is true)."),
        ("POST", "/login", "login", "Sign in: a bearer token and a refresh token (or the auth cookie, with useCookies=true)."),
        ("POST", "/refresh", "refresh", "A new bearer token and refresh token for a refresh token."),
        ("GET", "/manage/info", "getAccountInfo", "The signed-in account's email and whether it is confirmed."),
        ("POST", "/manage/info", "updateAccountInfo", "Change the signed-in account's email or password."),
        ("POST", "/forgotPassword", "forgotPassword", "Ask for a password reset link by email: 200 whether or not an account has the address; 404 when recovery by email is not set up."),
        ("POST", "/resetPassword", "resetPassword", "Set a new password with the code of a reset link; every session and token of the account ends. 404 when recovery by email is not set up."),
    ];

    /// <summary>
    /// Identity says "Failed", "LockedOut" or "NotAllowed": a locked-out account would be told apart from an unknown
    /// email by anyone. Only a caller who gave the right password learns that the account is deactivated.
    /// </summary>
    private static object? SameAnswerForEveryFailedLogin(object? result) =>
        (result as INestedHttpResult)?.Result is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } problem
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                detail: problem.ProblemDetails.Detail == nameof(SignInResult.NotAllowed) ? DeactivatedMessage : FailedSignInMessage)
            : result;

    public const string FailedSignInMessage = "Wrong email or password. After 5 failed sign-ins from one address, that address is locked out of the account for 5 minutes.";

    /// <summary>
    /// A bearer token is not a licence to guess: on <c>manage/info</c>, a wrong current password counts toward the same
    /// lockout as a failed sign-in (per account and client network), and a locked-out network gets 429.
    /// </summary>
    private static async ValueTask<object?> WrongCurrentPasswordsCountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (context.Arguments.OfType<InfoRequest>().FirstOrDefault() is not { NewPassword: not null }
            || await http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>().GetUserAsync(http.User) is not { NormalizedUserName: { } name })
            return await next(context);

        var guard = http.RequestServices.GetRequiredService<SignInGuard>();
        var client = ClientNetwork.Of(http.Connection.RemoteIpAddress);
        if (await guard.IsLockedOutAsync(name, client))
        {
            http.Response.Headers.RetryAfter = ((int)http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.DefaultLockoutTimeSpan.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: "Too many wrong passwords from your address: try again later.");
        }

        var result = await next(context);
        if ((result as INestedHttpResult)?.Result is ValidationProblem { ProblemDetails.Errors: var errors } && errors.ContainsKey(nameof(IdentityErrorDescriber.PasswordMismatch)))
            await guard.RecordFailureAsync(name, client);
        return result;
    }

    /// <summary>200 whether or not an account has the address; the email, if any, follows from a background job.</summary>
    private static async ValueTask<object?> RequestResetLinkAsync(EndpointFilterInvocationContext context)
    {
        var recovery = context.HttpContext.RequestServices.GetRequiredService<PasswordRecovery>();
        if (!recovery.IsOn)
            return RecoveryIsOff();
        var request = context.Arguments.OfType<ForgotPasswordRequest>().Single();
        await recovery.RequestAsync(request.Email.Trim(), context.HttpContext.RequestAborted);
        return TypedResults.Ok();
    }

    /// <summary>200 once the password is set; 400 naming <c>reset_code</c> for a link that cannot set one, or <c>new_password</c>.</summary>
    private static async ValueTask<object?> ResetPasswordAsync(EndpointFilterInvocationContext context)
    {
        var recovery = context.HttpContext.RequestServices.GetRequiredService<PasswordRecovery>();
        if (!recovery.IsOn)
            return RecoveryIsOff();
        var request = context.Arguments.OfType<ResetPasswordRequest>().Single();
        var result = await recovery.ResetAsync(request.Email, request.ResetCode, request.NewPassword);
        if (result.Succeeded)
            return TypedResults.Ok();
        var field = result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? nameof(request.ResetCode) : nameof(request.NewPassword);
        throw new RequestValidationException(new Dictionary<string, string[]> { [field] = result.Errors.Select(error => error.Description).ToArray() });
    }

    /// <summary>Documented whatever the settings, so the OpenAPI document is one; off, they are not found.</summary>
    private static ProblemHttpResult RecoveryIsOff() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Password recovery by email is not set up on this server (Email:LinkBaseUrl); ask an administrator to set a new password.");

    public const string DeactivatedMessage = "This account is deactivated.";

    private static Task AnswerApiOrRedirectToLogin(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
