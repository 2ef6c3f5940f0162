using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Users;
using Overholt.Application.Users.Queries.GetCurrentUser;
using Overholt.Application.Users.Queries.GetUser;
using Overholt.Application.Users.Queries.GetUserAccount;
using Overholt.Domain.Users;
using Overholt.Web.Security;

namespace Overholt.Web.Api;

/// <summary>Users as their audience sees them: <c>id</c> and <c>email</c> for everyone; admins see the account (roles, activity, logins).</summary>
[ApiController]
[Authorize]
[Route("api/users")]
public sealed class UsersController(IMediator mediator) : ControllerBase
{
    /// <summary>The signed-in user; an admin gets their account (<c>roles</c>, <c>active</c>, login tracking) as well.</summary>
    [HttpGet]
    [EndpointName("getCurrentUser")]
    [ProducesResponseType<Envelope<UserSummaryDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Current(CancellationToken cancellationToken) =>
        User.IsInRole(Roles.Admin)
            ? Ok(Envelope.Of(await mediator.Send(new GetUserAccount(User.UserId()!.Value), cancellationToken)))
            : Ok(Envelope.Of(await mediator.Send(new GetCurrentUser(), cancellationToken)));

    /// <summary>A user; an admin gets the account (<c>roles</c>, <c>active</c>, login tracking) as well.</summary>
    [HttpGet("{id:int:min(1)}")]
    [EndpointName("getUser")]
    [ProducesResponseType<Envelope<UserSummaryDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken) =>
        User.IsInRole(Roles.Admin)
            ? Ok(Envelope.Of(await mediator.Send(new GetUserAccount(id), cancellationToken)))
            : Ok(Envelope.Of(await mediator.Send(new GetUser(id), cancellationToken)));
}
