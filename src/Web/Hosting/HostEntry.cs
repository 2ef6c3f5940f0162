namespace Overholt.Web.Hosting;

/// <summary>Who a process built by <see cref="OverholtHost"/> acts for.</summary>
public enum HostEntry
{
    /// <summary>The server: each request for its signed-in user.</summary>
    Server,

    /// <summary>A management command: the local operator.</summary>
    Command,
}
