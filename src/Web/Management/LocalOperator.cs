using Overholt.Application.Security;
using Overholt.Domain.Users;

namespace Overholt.Web.Management;

/// <summary>
/// Whoever runs a management command on a node: trusted as an admin (they hold the server's configuration, database
/// credentials included), but no user account, so rules about "your own account" never apply. Named <c>operator</c>
/// in logs and traces.
/// </summary>
internal sealed class LocalOperator : ICurrentUser
{
    public int? Id => null;

    public bool IsAuthenticated => true;

    public string? Email => null;

    public string Name => "operator";

    public bool IsInRole(string role) => role == Roles.Admin;
}
