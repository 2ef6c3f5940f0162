using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Overholt.Application.Users;

namespace Overholt.Web.Security;

/// <summary>The signed-in user's account is still active. Part of the default policy, so every [Authorize] endpoint checks it.</summary>
internal sealed class ActiveUserRequirement : IAuthorizationRequirement;

internal sealed class ActiveUserHandler(IUserDirectory users) : AuthorizationHandler<ActiveUserRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveUserRequirement requirement)
    {
        var cancellationToken = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        if (int.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && await users.IsActiveAsync(userId, cancellationToken))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, "This account is deactivated."));
    }
}
