namespace Overholt.Web.Hosting;

public static class HostRoleSetting
{
    public const string Key = "Role";

    /// <summary>The configured role; a value that is not one refuses to start with a message naming the key.</summary>
    public static HostRole Read(IConfiguration configuration) => configuration[Key] switch
    {
        null or "" => HostRole.All,
        var text when Enum.TryParse<HostRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) => role,
        var text => throw new InvalidOperationException($"{Key} '{text}' is not a role: use all, web or worker."),
    };
}
