namespace Overholt.Web.Hosting;

/// <summary>
/// What this process does, from the <c>Role</c> setting (<c>--role worker</c> on the command line):
/// the web app, the background worker, or both (the default).
/// </summary>
public enum HostRole
{
    All,
    Web,
    Worker,
}
