namespace Overholt.Application.Security;

/// <summary>Only users in <see cref="Role"/> may send this request; the authorization behaviour enforces it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(string role) : Attribute
{
    public string Role { get; } = role;
}
