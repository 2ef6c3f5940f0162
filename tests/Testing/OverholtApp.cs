using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Caching;
using Overholt.Domain.Users;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing.Builders;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.Testing;

/// <summary>
/// The whole app in memory on a real database, plus what a functional test needs: a reset between tests,
/// two signed-in users (an admin and a plain user), their HTTP clients, builders for test data, and a SQL statement counter.
/// </summary>
public class OverholtApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-1";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>
    /// The app on <paramref name="database"/>. By default it runs as role <c>web</c> (no background worker, so nothing
    /// runs behind a test's back) and writes emails to a temp pickup directory; <paramref name="settings"/> override that.
    /// <paramref name="services"/> replace the app's own registrations (they run after them), e.g. with a dependency that fails.
    /// </summary>
    public OverholtApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        // API clients must see 401/403 themselves, never follow a redirect.
        ClientOptions.AllowAutoRedirect = false;
    }

    private readonly Dictionary<string, (HttpClient Client, BearerSignIn SignIn)> _clients = [];

    public TestDatabase Database { get; }

    /// <summary>Where emails go when <c>Email:Delivery</c> is Pickup.</summary>
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"overholt-mail-{Guid.NewGuid():N}");

    /// <summary>An admin: may do everything.</summary>
    public TestUser Admin { get; private set; } = null!;

    /// <summary>A signed-in user with no role: may read.</summary>
    public TestUser User { get; private set; } = null!;

    public SqlStatementCounter Statements => Services.GetRequiredService<SqlStatementCounter>();

    public Given Given => new(this);

    /// <summary>A client signed in as <see cref="Admin"/> with a bearer token, which it gets at its first request.</summary>
    public HttpClient AsAdmin => BearerClientFor(Admin).Client;

    /// <summary>A client signed in as <see cref="User"/> with a bearer token, which it gets at its first request.</summary>
    public HttpClient AsUser => BearerClientFor(User).Client;

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous => CreateClient();

    /// <summary>Empties the database, seeds the roles again, and creates <see cref="Admin"/> and <see cref="User"/>.</summary>
    public async Task ResetAsync()
    {
        _ = Services; // starts the app, which migrates the database before the first reset
        await Database.ResetAsync();
        // The emptied catalogue reaches the node's read cache as a notification, which may come after the next request.
        Services.GetRequiredService<IReadCache>().Invalidate();
        foreach (var (client, _) in _clients.Values)
            client.Dispose();
        _clients.Clear();

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedReferenceDataAsync();
        Admin = await Given.User("admin@example.com").InRole(Roles.Admin).SaveAsync();
        User = await Given.User("user@example.com").SaveAsync();
        Statements.Reset();
    }

    /// <summary>A page client with no one signed in.</summary>
    public Pages.PageClient Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress }));

    /// <summary>A page client signed in as <paramref name="user"/> through the login page.</summary>
    public async Task<Pages.PageClient> BrowserFor(TestUser user)
    {
        var browser = Browser();
        await browser.SignInAsync(user);
        return browser;
    }

    /// <summary>Deactivates the user's account, as an admin would.</summary>
    public async Task DeactivateAsync(TestUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new InvalidOperationException($"No user {user.Id}");
        account.Active = false;
        await users.UpdateAsync(account);
    }

    /// <summary>A client that keeps cookies, signed in as <paramref name="user"/> with the auth cookie (<c>/api/auth/login?useCookies=true</c>).</summary>
    public async Task<HttpClient> CookieClientFor(TestUser user)
    {
        var client = CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = user.Email, password = user.Password });
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"Cookie login as {user.Email} failed: {(int)login.StatusCode}");
        return client;
    }

    /// <summary>Whether an account with this email exists, read from the database.</summary>
    public async Task<bool> UserExistsAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email) is not null;
    }

    /// <summary>
    /// A client signed in as <paramref name="user"/> with a bearer token from POST /api/auth/login, issued before this
    /// returns: a test can then change the account and see what happens to the token.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(TestUser user)
    {
        var (client, signIn) = BearerClientFor(user);
        await signIn.SignInAsync();
        return client;
    }

    private (HttpClient Client, BearerSignIn SignIn) BearerClientFor(TestUser user)
    {
        if (!_clients.TryGetValue(user.Email, out var bearer))
        {
            var signIn = new BearerSignIn(() => CreateClient(), user);
            bearer = (CreateDefaultClient(ClientOptions.BaseAddress, signIn, new CookieContainerHandler()), signIn);
            _clients[user.Email] = bearer;
        }

        return bearer;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve the build's static assets (compressed variants included) as Development does; a published app has them in wwwroot.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Role", "web");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Email:LinkBaseUrl", "http://localhost/");
        // Retries come within a tenth of a second. On PostgreSQL the outbox is still woken by the database's
        // notifications and the job queue by the dispatcher's enqueue, but both are polled every 5 s instead of every
        // minute: Hangfire.PostgreSql's in-process wake-up is one static signal per queue name, shared by every app a
        // test process hosts, so another app's worker can take it. Production has one storage per process;
        // IdleNodeTests runs a node on the production intervals.
        builder.UseSetting("Jobs:PollInterval", "00:00:00.100");
        builder.UseSetting("Jobs:SchedulePollInterval", "00:00:00.100");
        builder.UseSetting("Jobs:FallbackPollInterval", "00:00:05");
        // On PostgreSQL the catalogue cache proves every 0.2 s that it hears changes, and stops serving 2 s after it
        // last could (production: 1 s and 5 s), so the tests of what makes it stop wait less.
        builder.UseSetting("Cache:HeartbeatInterval", "00:00:00.200");
        builder.UseSetting("Cache:StaleAfter", "00:00:02");
        builder.UseSetting("Shutdown:NoticePeriod", "00:00:00"); // no balancer to tell
        builder.UseSetting("Shutdown:DrainTime", "00:00:05");
        // Tests sign in hundreds of times from one address; the throttling tests set their own limit.
        builder.UseSetting("SignInThrottling:PermitLimit", "1000000");
        builder.UseSetting("SignInThrottling:ConcurrentPasswordChecks", "1024");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<SqlStatementCounter>();
            services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<SqlStatementCounter>());
            // Real hashing, fewer rounds: tests sign in hundreds of times.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        });
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var (client, _) in _clients.Values)
                client.Dispose();
            if (Directory.Exists(PickupDirectory))
                Directory.Delete(PickupDirectory, recursive: true);
        }

        base.Dispose(disposing);

        // Hangfire logs through one process-wide provider, set by the last host started. Left on this host's disposed
        // logger factory, it would make every Hangfire client built later, in a host still running, throw.
        if (disposing)
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
    }
}

/// <summary>A user the test created, with the password to sign in.</summary>
public sealed record TestUser(int Id, string Email, string Password);
