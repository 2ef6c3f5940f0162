using Microsoft.AspNetCore.Builder;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Web.Hosting;

namespace Overholt.FunctionalTests.Operations;

/// <summary>The instance settings file sits between the environment's file and the environment; wrong settings stop the app, naming the key.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("overholt-config-").FullName;

    [Fact]
    public void Instance_settings_come_after_the_environment_file_and_before_environment_variables_and_the_command_line()
    {
        Write("appsettings.json", """{ "Layer": { "A": "json", "B": "json", "C": "json", "D": "json", "E": "json" } }""");
        Write("appsettings.Production.json", """{ "Layer": { "A": "environment file", "B": "environment file" } }""");
        Write(InstanceSettings.FileName, """{ "Layer": { "B": "local", "C": "local", "D": "local", "E": "local" } }""");
        Write("elsewhere.json", """{ "Layer": { "C": "named file", "D": "named file" } }""");
        Environment.SetEnvironmentVariable(InstanceSettings.PathVariable, Path.Combine(_contentRoot, "elsewhere.json"));
        Environment.SetEnvironmentVariable("Layer__D", "environment variable");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _contentRoot, EnvironmentName = "Production", Args = ["--Layer:E=command line"] });
            builder.Configuration.AddInstanceSettings(builder.Environment);

            var layer = builder.Configuration.GetSection("Layer");
            Assert.Equal(
                ["environment file", "local", "named file", "environment variable", "command line"],
                new[] { layer["A"], layer["B"], layer["C"], layer["D"], layer["E"] });
        }
        finally
        {
            Environment.SetEnvironmentVariable(InstanceSettings.PathVariable, null);
            Environment.SetEnvironmentVariable("Layer__D", null);
        }
    }

    [Fact]
    public void A_named_settings_file_that_does_not_exist_stops_the_app()
    {
        Environment.SetEnvironmentVariable(InstanceSettings.PathVariable, Path.Combine(_contentRoot, "missing.json"));
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _contentRoot });

            var error = Assert.Throws<InvalidOperationException>(() => builder.Configuration.AddInstanceSettings(builder.Environment));
            Assert.Contains("OVERHOLT_SETTINGS", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(InstanceSettings.PathVariable, null);
        }
    }

    [Theory]
    [InlineData("Role", "wokrer", "Role 'wokrer' is not a role")]
    [InlineData("Seed:AdminEmail", "admin@example.com", "Seed:AdminEmail and Seed:AdminPassword are set together")]
    [InlineData("Auth:AccountCheckInterval", "00:05:00", "AccountCheckInterval")]
    [InlineData("SignInThrottling:PermitLimit", "0", "PermitLimit")]
    [InlineData("Health:OutboxMaxAge", "00:00:00", "OutboxMaxAge")]
    [InlineData("Jobs:OutboxRetention", "00:00:00", "Jobs:OutboxRetention must be positive")]
    [InlineData("Jobs:FallbackPollInterval", "-00:01:00", "Jobs:FallbackPollInterval must be positive")]
    [InlineData("Jobs:SchedulePollInterval", "00:00:00", "Jobs:SchedulePollInterval must be positive")]
    public async Task A_wrong_setting_stops_the_app_naming_the_key(string key, string value, string expected)
    {
        var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        await database.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_contentRoot, name), json);
}
