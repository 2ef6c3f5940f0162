using Microsoft.Extensions.Options;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Jobs;

/// <summary>On the embedded default (SQLite, in-memory job storage, pickup directory) email needs no setup.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task Adding_a_manager_writes_an_eml_file_to_the_pickup_directory()
    {
        await using var app = new OverholtApp(TestDatabase.CreateSqlite(), new Dictionary<string, string?> { ["Role"] = "all" });
        await app.ResetAsync();
        var store = await app.Given.Store("Corner shop").SaveAsync();

        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();

        var file = await WaitForFileAsync(app.PickupDirectory, "*.eml");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("Subject: You are now a manager of Corner shop", text, StringComparison.Ordinal);
        Assert.Contains($"To: {app.User.Email}", text, StringComparison.Ordinal);
        await app.Database.DisposeAsync();
    }

    [Theory]
    [InlineData("Email:Delivery", "Smtp", "Email:Smtp:Host is required")]
    [InlineData("Email:From", "not an address", "Email:From 'not an address' is not an email address")]
    public async Task A_wrong_email_configuration_stops_the_app_with_a_clear_message(string key, string value, string expected)
    {
        var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
        await database.DisposeAsync();
    }

    private static async Task<string> WaitForFileAsync(string directory, string pattern)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Directory.Exists(directory) && Directory.GetFiles(directory, pattern) is [var file, ..])
                return file;
            await Task.Delay(100);
        }

        throw new TimeoutException($"No {pattern} in {directory}");
    }
}
