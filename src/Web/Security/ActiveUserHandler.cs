using Microsoft.AspNetCore.Authorization;
using Overholt.Infrastructure.Identity;

namespace Overholt.Web.Security;

/// <summary>Reads the account's state from <see cref="AccountStates"/>, which the session check has just filled: no query.</summary>
internal sealed class ActiveUserHandler(AccountStates accounts) : AuthorizationHandler<ActiveUserRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveUserRequirement requirement)
    {
        var cancellationToken = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        if (context.User.UserId() is { } userId && await accounts.GetAsync(userId, fresh: false, cancellationToken) is { Active: true })
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, "This account is deactivated."));
    }
}
