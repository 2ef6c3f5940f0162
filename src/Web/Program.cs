using System.Text.Json;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Overholt.Application;
using Overholt.Application.Behaviours;
using Overholt.Infrastructure;
using Overholt.Infrastructure.Health;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;
using Overholt.Web.Api;
using Overholt.Web.Errors;
using Overholt.Web.Hosting;
using Overholt.Web.Management;
using Overholt.Web.Security;

if (ManagementCommands.IsCommand(args))
    return await ManagementCommands.RunAsync(args, OperatorConsole.System);

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInstanceSettings(builder.Environment);
var role = HostRoleSetting.Read(builder.Configuration);
builder.AddOverholtTelemetry();

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
if (BuildTimeDocument.IsGenerating)
    builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "overholt-openapi-keys"))); // not the database's ring
builder.Services.AddBackgroundJobs(builder.Configuration, runWorker: role != HostRole.Web && !BuildTimeDocument.IsGenerating);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(ApplicationAssembly)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehaviour<,>),
        typeof(AuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(CachingBehaviour<,>),
        typeof(UnitOfWorkBehaviour<,>),
    ];
});

builder.Services.AddOverholtAuthentication();
builder.Services.AddSignInThrottling();
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddOverholtProblemDetails();
builder.Services.AddOverholtOpenApi();
builder.Services.AddControllersWithViews().AddJsonOptions(json => json.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddOverholtHealthChecks();
builder.Services.AddAntiforgery(); // the job dashboard checks its POSTs (re-queue, delete) with it

var app = builder.Build();

if (!BuildTimeDocument.IsGenerating)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme, not the proxy's
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseMiddleware<SecurityHeadersMiddleware>();
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

await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so the test harness can start it.</summary>
public partial class Program;
