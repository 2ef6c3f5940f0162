using Overholt.Application.History;
using Overholt.Application.Security;

namespace Overholt.Web.Security;

/// <summary>
/// Changes saved while serving a request are made by whoever the request runs for (read from its claims, no query);
/// changes saved outside any request, by the background jobs, are the system's.
/// </summary>
internal sealed class RequestChangeActor(IHttpContextAccessor httpContextAccessor) : IChangeActor
{
    public ChangeActor Current =>
        httpContextAccessor.HttpContext?.RequestServices.GetService<ICurrentUser>() is { } user ? ChangeActor.For(user) : ChangeActor.System;
}
