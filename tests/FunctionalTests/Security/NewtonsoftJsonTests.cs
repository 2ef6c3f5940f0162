using System.Text.Json;

namespace Overholt.FunctionalTests.Security;

/// <summary>The app never ships a Newtonsoft.Json with GHSA-5crp-9r3c-p9vr (below 13.0.1), which Hangfire would pull in.</summary>
public sealed class NewtonsoftJsonTests
{
    [Fact]
    public void The_web_app_depends_on_a_fixed_newtonsoft_json()
    {
        // The web app's own manifest, as the build and publish write it, copied beside the tests that host the app.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Overholt.Web.deps.json")));

        var versions = manifest.RootElement.GetProperty("libraries").EnumerateObject()
            .Select(library => library.Name.Split('/'))
            .Where(parts => parts[0] == "Newtonsoft.Json")
            .Select(parts => Version.Parse(parts[1]))
            .ToList();

        Assert.NotEmpty(versions); // Hangfire still brings it; if that changes, this test has nothing left to guard
        Assert.All(versions, version => Assert.True(version >= new Version(13, 0, 1), $"Newtonsoft.Json {version} ships"));
    }
}
