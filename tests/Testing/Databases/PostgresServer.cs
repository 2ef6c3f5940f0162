using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Overholt.Testing.Databases;

/// <summary>
/// A real PostgreSQL server for a test run: the one named by <c>OVERHOLT_TEST_POSTGRES</c> (a connection string),
/// or else a throwaway cluster started from the machine's PostgreSQL binaries in a temp directory on a free port,
/// and removed when the run ends. PostgreSQL refuses to run as root, so as root the cluster runs as user postgres.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "OVERHOLT_TEST_POSTGRES";

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly NpgsqlConnectionStringBuilder _server;
    private int _databaseCount;

    private PostgresServer(NpgsqlConnectionStringBuilder server, string? dataDirectory, string? binDirectory)
    {
        _server = server;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var supplied = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(supplied))
            return new PostgresServer(new NpgsqlConnectionStringBuilder(supplied), null, null);

        var bin = FindBinaries();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"overholt-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", ["postgres:postgres", dataDirectory], asPostgres: false);

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asRoot);
        var port = FreePort();
        var server = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        };
        var started = new PostgresServer(server, dataDirectory, bin);
        await started.StartAgainAsync();
        return started;
    }

    /// <summary>
    /// Whether the server is the throwaway cluster this run started on this machine, whose processes the run may
    /// signal (as root, or as the user it runs as); not a server given by <c>OVERHOLT_TEST_POSTGRES</c>.
    /// </summary>
    public bool IsThrowaway => _dataDirectory is not null;

    /// <summary>Stops the throwaway cluster, to play a database outage; <see cref="StartAgainAsync"/> ends it.</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], Environment.UserName == "root");

    public Task StartAgainAsync()
    {
        string[] serverOptions =
        [
            $"-p {_server.Port}", $"-k {DataDirectory}", "-c listen_addresses=127.0.0.1",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200",
        ];
        return RunAsync(
            Path.Combine(Bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", string.Join(' ', serverOptions), "-w", "-t", "60", "start"],
            Environment.UserName == "root");
    }

    private string DataDirectory => _dataDirectory ?? throw new InvalidOperationException($"A server given by {ConnectionStringVariable} is not ours to stop or start");

    private string Bin => _binDirectory ?? throw new InvalidOperationException($"A server given by {ConnectionStringVariable} is not ours to stop or start");

    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCount)}";
        await using (var connection = new NpgsqlConnection(_server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null || _binDirectory is null)
            return;
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], Environment.UserName == "root", throwOnFailure: false);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the cluster itself is stopped.
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("OVERHOLT_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(directory => Path.Combine(directory, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries under {root}. Install them (apt-get install postgresql), set OVERHOLT_PG_BIN, or set {ConnectionStringVariable} to a server's connection string.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && throwOnFailure)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
