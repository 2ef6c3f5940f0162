using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Overholt.Infrastructure.Persistence;
using Overholt.Web.Management;

namespace Overholt.Testing;

/// <summary>What a management command printed, and its exit code.</summary>
public sealed record CommandResult(int Exit, string Output, string Error);

/// <summary>
/// Runs a management command in this process as the executable runs it: the app's own composition, configuration files
/// from the web project's directory (as <c>dotnet run --project src/Web</c> reads them), in the environment named,
/// on the database given.
/// </summary>
public static class ManagementCommand
{
    public static async Task<CommandResult> RunAsync(string environment, DatabaseProvider provider, string connectionString, string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new OperatorConsole(new StringReader(input ?? string.Empty), output, error, inputRedirected: true);
        var host = new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = Repository.WebProject };
        var exit = await ManagementCommands.RunAsync(args, console, host, configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
        }));
        return new CommandResult(exit, output.ToString(), error.ToString());
    }
}
