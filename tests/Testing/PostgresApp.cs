using Overholt.Testing.Databases;

namespace Overholt.Testing;

/// <summary>
/// The app on its own PostgreSQL database, on a server shared by the whole test run. Use it as an xunit
/// assembly fixture: <c>[assembly: AssemblyFixture(typeof(PostgresApp))]</c>.
/// </summary>
public sealed class PostgresApp : IAsyncLifetime
{
    private PostgresServer? _server;

    public OverholtApp App { get; private set; } = null!;

    /// <summary>The run's PostgreSQL server, for tests that need databases of their own.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started");

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        App = new OverholtApp(await TestDatabase.CreatePostgresAsync(_server));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

/// <summary>The app on a SQLite file of its own; use it as a class or collection fixture.</summary>
public sealed class SqliteApp : IAsyncLifetime
{
    public OverholtApp App { get; } = new(TestDatabase.CreateSqlite());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
