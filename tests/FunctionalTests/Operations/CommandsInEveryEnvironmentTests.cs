using System.Diagnostics;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;

namespace Overholt.FunctionalTests.Operations;

/// <summary>
/// Every management command on a fresh database, in each environment the README starts the app in (Development is the
/// one <c>dotnet run</c> uses and the one that validates the whole container), on both providers.
/// </summary>
public sealed class CommandsInEveryEnvironmentTests(PostgresApp postgres)
{
    public static TheoryData<string, DatabaseProvider> Environments => new()
    {
        { "Development", DatabaseProvider.Sqlite },
        { "Development", DatabaseProvider.Postgres },
        { "Production", DatabaseProvider.Sqlite },
        { "Production", DatabaseProvider.Postgres },
        { "Testing", DatabaseProvider.Sqlite },
        { "Testing", DatabaseProvider.Postgres },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Every_verb_works_on_a_fresh_database(string environment, DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Postgres
            ? await postgres.Server.CreateDatabaseAsync("overholt_commands")
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"overholt-commands-{Guid.NewGuid():N}.db")}";
        Task<CommandResult> Run(string? input, params string[] args) => ManagementCommand.RunAsync(environment, provider, database, input, args);

        var migrated = await Run(null, "db", "migrate");
        Assert.True(migrated.Exit == 0, migrated.Error);
        Assert.Contains("Applied", migrated.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("Strong-password-1\n", "users", "create", "ops@example.com", "--admin")).Exit);
        Assert.Equal(0, (await Run("Strong-password-1\n", "users", "create", "clerk@example.com")).Exit);
        foreach (var verb in new[] { "deactivate", "activate", "unlock", "grant-admin", "revoke-admin" })
        {
            var changed = await Run(null, "users", verb, "clerk@example.com");
            Assert.True(changed.Exit == 0, $"{verb}: {changed.Error}");
        }

        var passwordSet = await Run("Another-password-2\n", "users", "set-password", "clerk@example.com");
        Assert.True(passwordSet.Exit == 0, passwordSet.Error);

        var seeded = await Run(null, "db", "seed", "--sample");
        Assert.True(seeded.Exit == 0, seeded.Error);
        var file = Path.Combine(Path.GetTempPath(), $"overholt-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "name,categories\nImported teapot,Kitchen\n", TestContext.Current.CancellationToken);
        var imported = await Run(null, "import", "products", file, "--unknown-categories", "create");
        File.Delete(file);
        Assert.True(imported.Exit == 0, imported.Error + imported.Output);
        var purged = await Run(null, "history", "purge", "--before", "2000-01-01");
        Assert.True(purged.Exit == 0, purged.Error);
        Assert.Contains("Deleted 0 history entries", purged.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Run(null, "users", "delete", "clerk@example.com")).Exit);
        var unknown = await Run(null, "users", "delete", "nobody@example.com");
        Assert.Equal((1, "No user has the email nobody@example.com."), (unknown.Exit, unknown.Error.Trim()));

        var list = await Run(null, "users", "list");
        Assert.Equal(0, list.Exit);
        var lines = list.Output.Split('\n');
        Assert.Contains("admin", Assert.Single(lines, line => line.Contains("ops@example.com", StringComparison.Ordinal)).Replace("ops@example.com", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("clerk@example.com", list.Output, StringComparison.Ordinal);
        Assert.Contains(SampleData.ManagerEmail, list.Output, StringComparison.Ordinal);
        // Development seeds the admin the README signs in with, for the commands as for the server.
        Assert.Equal(environment == "Development", list.Output.Contains("admin@overholt.local", StringComparison.Ordinal));
    }

    /// <summary>A setting in configuration syntax (<c>Role=worker</c>, <c>--role worker</c>) is not a command: the app serves.</summary>
    [Theory]
    [InlineData(true, "users", "list")]
    [InlineData(true, "frobnicate")]
    [InlineData(false)]
    [InlineData(false, "Role=worker")]
    [InlineData(false, "--role", "worker")]
    [InlineData(false, "/Role", "worker")]
    public void Only_a_plain_word_first_is_a_command(bool isCommand, params string[] args) =>
        Assert.Equal(isCommand, Overholt.Web.Management.ManagementCommands.IsCommand(args));

    /// <summary>The README's example exactly as written (on a database of its own): <c>dotnet run</c>, so Development.</summary>
    [Fact]
    public async Task The_readme_example_runs_as_written()
    {
        var database = Path.Combine(Path.GetTempPath(), $"overholt-readme-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", ["run", "--project", "src/Web", "--", "users", "list"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Default"] = $"Data Source={database}",
                ["ASPNETCORE_ENVIRONMENT"] = null, // what launchSettings.json says, as for anyone who types it
                ["DOTNET_ENVIRONMENT"] = null,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await error}{await output}");
        Assert.Contains("admin@overholt.local", await output, StringComparison.Ordinal);
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
    }
}
