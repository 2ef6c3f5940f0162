namespace Overholt.Application.Security;

/// <summary>
/// Only admins and the managers of the request's store may send this request.
/// The request names its store through <see cref="ITargetsStore"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresStoreManagerAttribute : Attribute;
