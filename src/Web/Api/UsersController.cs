using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Users;
using Overholt.Application.Users.Queries.GetCurrentUser;
using Overholt.Application.Users.Queries.GetUser;

namespace Overholt.Web.Api;

[ApiController]
[Authorize]
[Route("api/users")]
public sealed class UsersController(IMediator mediator) : ControllerBase
{
    /// <summary>The signed-in user.</summary>
    [HttpGet]
    public async Task<Envelope<UserDto>> Current(CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new GetCurrentUser(), cancellationToken));

    [HttpGet("{id:int:min(1)}")]
    public async Task<Envelope<UserDto>> Get(int id, CancellationToken cancellationToken) =>
        Envelope.Of(await mediator.Send(new GetUser(id), cancellationToken));
}
