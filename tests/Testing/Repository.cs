namespace Overholt.Testing;

/// <summary>Places in the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The directory holding <c>Overholt.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The web project's directory: the content root <c>dotnet run --project src/Web</c> runs in.</summary>
    public static string WebProject => Path.Combine(Root, "src", "Web");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Overholt.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The tests do not run inside the repository");
    }
}
