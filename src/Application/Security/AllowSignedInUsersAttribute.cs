namespace Overholt.Application.Security;

/// <summary>
/// Any signed-in, active user may send this request. Messages must say who may send them (this, a role or the store
/// manager rule): one that says nothing is refused by the authorization behaviour.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowSignedInUsersAttribute : Attribute;
