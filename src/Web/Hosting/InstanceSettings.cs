using Microsoft.Extensions.Configuration.Json;

namespace Overholt.Web.Hosting;

/// <summary>
/// The instance's own settings, as the original's <c>instance/settings.cfg</c>: an optional, git-ignored
/// <c>appsettings.Local.json</c> beside the app, then the file named by <c>OVERHOLT_SETTINGS</c> (which must exist when
/// named). Both come after <c>appsettings.{Environment}.json</c> and before user secrets, environment variables and
/// the command line, so those still override them.
/// </summary>
public static class InstanceSettings
{
    public const string FileName = "appsettings.Local.json";
    public const string PathVariable = "OVERHOLT_SETTINGS";

    public static void AddInstanceSettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        var sources = configuration.Sources;
        var environmentFile = $"appsettings.{environment.EnvironmentName}.json";
        var after = sources.Select((source, index) => (source, index))
            .LastOrDefault(entry => entry.source is JsonConfigurationSource json
                && (string.Equals(json.Path, environmentFile, StringComparison.OrdinalIgnoreCase) || string.Equals(json.Path, "appsettings.json", StringComparison.OrdinalIgnoreCase)))
            .index;

        var instance = new List<IConfigurationSource> { JsonFile(environment.ContentRootFileProvider, FileName, optional: true) };
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new InvalidOperationException($"{PathVariable} names {full}, which does not exist.");
            instance.Add(JsonFile(new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(full)!), Path.GetFileName(full), optional: false));
        }

        for (var i = 0; i < instance.Count; i++)
            sources.Insert(after + 1 + i, instance[i]);
    }

    private static JsonConfigurationSource JsonFile(Microsoft.Extensions.FileProviders.IFileProvider files, string path, bool optional) =>
        new() { FileProvider = files, Path = path, Optional = optional, ReloadOnChange = false };
}
