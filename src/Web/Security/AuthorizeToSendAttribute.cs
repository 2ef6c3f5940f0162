using System.Reflection;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Overholt.Application.Security;

namespace Overholt.Web.Security;

/// <summary>
/// An endpoint's role rule, read from the message it sends: the roles in <typeparamref name="TMessage"/>'s
/// <see cref="RequiresRoleAttribute"/>. The rule is written once, on the message, and the endpoint refuses before the
/// pipeline would (pages that show a message's form name the message they submit).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AuthorizeToSendAttribute<TMessage> : AuthorizeAttribute
    where TMessage : IMessage
{
    public AuthorizeToSendAttribute() => Roles = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Role;

    public static Type Message => typeof(TMessage);
}
