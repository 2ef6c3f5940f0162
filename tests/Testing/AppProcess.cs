using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Overholt.Testing;

/// <summary>
/// The app as a process of its own (the built <c>Overholt.Web.dll</c>, run from the web project's directory as
/// <c>dotnet run</c> does), on a free loopback port, with its settings as environment variables: for what only a real
/// process shows, such as signals and Kestrel's own handling of connections.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process has written to standard output and error so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c>) and waits until <c>/health</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string environment = "Production")
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Overholt.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Repository.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["DOTNET_ENVIRONMENT"] = null },
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var app = new AppProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}"));
        app._process.OutputDataReceived += (_, line) => app.Append(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();

        using var client = app.CreateClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (app.HasExited)
                throw new InvalidOperationException($"The app exited with {app.ExitCode} before it was ready:\n{app.Log}");
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"The app was not ready within 60 s:\n{app.Log}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A client of the app's address, on a connection of its own.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = Address };

    /// <summary>Asks the process to stop, as a service manager or an orchestrator does.</summary>
    public void SendTerminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
