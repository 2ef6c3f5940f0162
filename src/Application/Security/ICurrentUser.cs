namespace Overholt.Application.Security;

/// <summary>The user on whose behalf the current request runs.</summary>
public interface ICurrentUser
{
    /// <summary>The user's id, or null when nobody is signed in.</summary>
    int? Id { get; }

    bool IsInRole(string role);
}
