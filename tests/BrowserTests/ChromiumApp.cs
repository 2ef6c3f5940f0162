using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.BrowserTests;

/// <summary>
/// The app on real Kestrel and a headless Chromium to drive it. Pages record every Content-Security-Policy
/// violation the browser reports; disposing asserts there were none.
/// </summary>
public sealed class ChromiumApp : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<string> _securityPolicyViolations = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = null!;

    private ChromiumApp(OverholtApp app) => App = app;

    public OverholtApp App { get; }

    /// <summary>The app on real Kestrel with Chromium to drive it; <paramref name="settings"/> as <see cref="OverholtApp"/> takes them (<c>Role</c> <c>all</c> for a worker).</summary>
    public static async Task<ChromiumApp> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var chromium = new ChromiumApp(new OverholtApp(database, settings));
        chromium.App.UseKestrel(0);
        chromium.App.StartServer();
        await chromium.App.ResetAsync();
        chromium._baseUrl = chromium.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        chromium._playwright = await Playwright.CreateAsync();
        chromium._browser = await chromium._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OVERHOLT_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return chromium;
    }

    /// <summary>A fresh browser page (its own cookies) of the given size.</summary>
    public async Task<IPage> OpenPageAsync(int width = 1200, int height = 800)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        // A CI machine runs the other test projects beside this one: give pages and expectations room beyond Playwright's 5 s.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                _securityPolicyViolations.Add(message.Text);
        };
        return page;
    }

    /// <summary>A page signed in as <paramref name="user"/> through the login form.</summary>
    public async Task<IPage> SignedInPageAsync(TestUser user, int width = 1200, int height = 800)
    {
        var page = await OpenPageAsync(width, height);
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>artifacts/screenshots at the repository root (or OVERHOLT_ARTIFACTS), kept after the run.</summary>
    public static string Screenshot(string name)
    {
        var root = Environment.GetEnvironmentVariable("OVERHOLT_ARTIFACTS") ?? Path.Combine(Repository.Root, "artifacts");
        var directory = Path.Combine(root, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
        Assert.Empty(_securityPolicyViolations);
    }
}
