namespace Overholt.Application.Security;

/// <summary>Who the current request runs for: a signed-in user, the local operator (management commands), or nobody.</summary>
public interface ICurrentUser
{
    /// <summary>The user account's id; null when nobody is signed in, and for the operator, who is no account.</summary>
    int? Id { get; }

    /// <summary>Whether someone acts: a signed-in user or the operator.</summary>
    bool IsAuthenticated { get; }

    /// <summary>The signed-in user's email as their sign-in claims carry it; null for the operator and nobody.</summary>
    string? Email { get; }

    /// <summary>How logs and traces name who acts: <c>user 17</c>, <c>operator</c> or <c>anonymous</c>.</summary>
    string Name { get; }

    bool IsInRole(string role);
}
