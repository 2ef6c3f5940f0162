using Hangfire;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Overholt.Application;
using Overholt.Application.Behaviours;
using Overholt.Application.History;
using Overholt.Application.Security;
using Overholt.Infrastructure;
using Overholt.Infrastructure.Health;
using Overholt.Infrastructure.Hosting;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;
using Overholt.Web.Api;
using Overholt.Web.Errors;
using Overholt.Web.Idempotency;
using Overholt.Web.Imports;
using Overholt.Web.Management;
using Overholt.Web.Security;

namespace Overholt.Web.Hosting;

/// <summary>
/// The app's one composition root. The server and the management commands are built here, from the same configuration
/// and the same registrations; only who the requests act for differs. Development validates the whole container when
/// it is built, for both.
/// </summary>
public static class OverholtHost
{
    public static WebApplicationBuilder CreateBuilder(HostEntry entry, WebApplicationOptions options, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = options.Args,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = options.ContentRootPath,
            WebRootPath = options.WebRootPath,
            // User secrets and the static assets manifest are found by the app's name, whoever hosts it.
            ApplicationName = options.ApplicationName ?? typeof(OverholtHost).Assembly.GetName().Name,
        });
        builder.Configuration.AddInstanceSettings(builder.Environment);
        configure?.Invoke(builder.Configuration);
        var role = HostRoleSetting.Read(builder.Configuration);
        builder.AddOverholtTelemetry();
        builder.AddJsonLogDefaults();

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

        var services = builder.Services;
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration);
        if (BuildTimeDocument.IsGenerating)
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "overholt-openapi-keys"))); // not the database's ring
        // A command never starts the host, so the worker's services are registered but do not run.
        services.AddBackgroundJobs(builder.Configuration, runWorker: role != HostRole.Web && !BuildTimeDocument.IsGenerating);
        services.AddMediator((MediatorOptions mediator) =>
        {
            mediator.ServiceLifetime = ServiceLifetime.Scoped;
            mediator.Assemblies = [typeof(ApplicationAssembly)];
            // First is outermost. The unit of work (commands) wraps authorization, so a command it runs again is authorized again.
            mediator.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(CachingBehaviour<,>),
            ];
        });

        services.AddOverholtAuthentication();
        if (entry == HostEntry.Command)
        {
            services.AddScoped<ICurrentUser, LocalOperator>();
            services.AddSingleton<IChangeActor, OperatorChangeActor>();
        }
        else
        {
            services.AddScoped<ICurrentUser, HttpCurrentUser>();
            services.AddSingleton<IChangeActor, RequestChangeActor>();
        }
        services.AddSignInThrottling();
        services.AddReverseProxySupport(builder.Configuration);
        services.AddOverholtProblemDetails();
        services.AddOverholtOpenApi();
        services.AddControllersWithViews().AddJsonOptions(json => json.JsonSerializerOptions.PropertyNamingPolicy = ApiPaths.Naming);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = ApiPaths.Naming);
        services.AddOverholtHealthChecks();
        services.AddGracefulShutdown();
        services.AddAntiforgery(); // the job dashboard checks its POSTs (re-queue, delete) with it
        return builder;
    }

    /// <summary>
    /// Stopping in order (<see cref="GracefulShutdown"/>): the host's own timeout covers the notice period and the drain
    /// time, which the server's requests and the worker's jobs share.
    /// </summary>
    private static void AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = shutdown.Value.NoticePeriod + shutdown.Value.DrainTime);
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(provider => provider.GetRequiredService<GracefulShutdown>());
        services.AddHealthChecks().AddCheck<GracefulShutdown>("shutdown");
    }

    /// <summary>Brings the database up to date as configured (<c>Database:MigrateOnStartup</c>), then the roles and the seeded admin.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (BuildTimeDocument.IsGenerating)
            return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }

    /// <summary>The server's middleware and endpoints.</summary>
    public static void UseOverholt(this WebApplication app)
    {
        var role = HostRoleSetting.Read(app.Configuration);

        app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme, not the proxy's
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<JsonApiAcceptMiddleware>(); // before the error handlers: they choose their writer by Accept
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // API errors are written by ProblemExceptionHandler; page errors re-execute /error with the mapped status.
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ProblemExceptionHandler.StatusFor,
            // Mapped client errors (404, 400...) are outcomes, not faults: no error-level log for them.
            SuppressDiagnosticsCallback = context => ProblemExceptionHandler.IsClientError(context.Exception),
        });
        app.UseWhen(context => ProblemExceptionHandler.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !ProblemExceptionHandler.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseHttpMethodOverride();
        app.UseMiddleware<QueryMethodOverrideMiddleware>();
        app.UseRouting(); // after the overrides, so routing sees the overridden method
        app.UseAuthentication();
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<ImportUploadLimits>(); // after authorization: only an admin's upload is read
        app.UseMiddleware<IdempotencyMiddleware>(); // after authorization: keys are claimed only for allowed requests

        if (role != HostRole.Worker)
        {
            app.MapStaticAssets();
            app.MapOverholtAuth();
            app.MapControllers().WithStaticAssets();
            app.MapOverholtOpenApi();
            app.MapHangfireDashboardWithAuthorizationPolicy(AuthenticationSetup.AdminPolicy, "/admin/jobs", new DashboardOptions
            {
                DashboardTitle = "Overholt jobs",
                DisplayStorageConnectionString = false,
                AppPath = "/",
            });
        }

        // Anonymous probes; the body says only Healthy, Degraded or Unhealthy (503).
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthChecksSetup.Live) });
        app.MapHealthChecks("/health");
    }
}
