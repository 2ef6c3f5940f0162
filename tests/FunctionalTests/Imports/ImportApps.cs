using Overholt.Testing;
using Overholt.Testing.Databases;

namespace Overholt.FunctionalTests.Imports;

/// <summary>
/// The app with its worker (role <c>all</c>), which runs the imports, on a PostgreSQL database of its own on the run's
/// server. Tests wait for their import to finish before the next reset, so no job runs behind one.
/// </summary>
public sealed class PostgresImportApp(PostgresApp postgres) : IAsyncLifetime
{
    public OverholtApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), ImportTestSettings.Worker);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}

/// <summary>The app with its worker on a SQLite file of its own (in-memory job storage, as the embedded default).</summary>
public sealed class SqliteImportApp : IAsyncLifetime
{
    public OverholtApp App { get; } = new(TestDatabase.CreateSqlite(), ImportTestSettings.Worker);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}

public static class ImportTestSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Worker = new Dictionary<string, string?> { ["Role"] = "all" };
}
