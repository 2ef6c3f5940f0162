using Mediator;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Users;
using Overholt.Application.Users.Commands.CreateUser;
using Overholt.Application.Users.Commands.DeleteUser;
using Overholt.Application.Users.Commands.ResetPassword;
using Overholt.Application.Users.Commands.SetAdmin;
using Overholt.Application.Users.Commands.SetUserActive;
using Overholt.Application.Users.Queries.GetUserAccount;
using Overholt.Application.Users.Queries.ListUsers;
using Overholt.Web.Idempotency;
using Overholt.Web.Pages.Models;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

/// <summary>User administration, for admins only.</summary>
[Route("users")]
public sealed class UserPagesController(IMediator mediator) : PageController
{
    private static readonly FormSubject Subject = new("user", UniqueField: nameof(NewUserForm.Email));

    [HttpGet("")]
    [AuthorizeToSend<ListUsers>]
    public async Task<IActionResult> Index([FromQuery] ListRequest request, [FromQuery] string? role, [FromQuery] bool? active, CancellationToken cancellationToken) =>
        View(new ListPage<UserAccountDto>(await mediator.Send(new ListUsers(request.Page, PageSize, request.Search, role, active, request.Sort), cancellationToken), request.Search, CanCreate: true));

    [HttpGet("{id:int:min(1)}")]
    [AuthorizeToSend<GetUserAccount>]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        View(new UserDetailsPage(await mediator.Send(new GetUserAccount(id), cancellationToken), IsSelf: id == CurrentUserId));

    [HttpGet("new")]
    [AuthorizeToSend<CreateUser>]
    public IActionResult Create() => View(new NewUserForm());

    [HttpPost("new")]
    [OneTimeForm]
    [AuthorizeToSend<CreateUser>]
    public Task<IActionResult> Create(NewUserForm form, CancellationToken cancellationToken) =>
        SubmitFormAsync(
            Subject,
            () => mediator.Send(new CreateUser(form.Email, form.Password), cancellationToken),
            id => Saved($"User {form.Email} created.", id),
            () => View(form with { Password = null }));

    [HttpPost("{id:int:min(1)}/active")]
    [AuthorizeToSend<SetUserActive>]
    public Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken) =>
        ChangeAsync(id, new SetUserActive(id, active), active ? "Account reactivated." : "Account deactivated.", cancellationToken);

    [HttpPost("{id:int:min(1)}/admin")]
    [AuthorizeToSend<SetAdmin>]
    public Task<IActionResult> SetAdmin(int id, bool admin, CancellationToken cancellationToken) =>
        ChangeAsync(id, new SetAdmin(id, admin), admin ? "The user is now an admin." : "The user is no longer an admin.", cancellationToken);

    [HttpPost("{id:int:min(1)}/password")]
    [AuthorizeToSend<ResetPassword>]
    public Task<IActionResult> ResetPassword(int id, string? newPassword, CancellationToken cancellationToken) =>
        ChangeAsync(id, new ResetPassword(id, newPassword), "Password reset.", cancellationToken);

    [HttpGet("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteUser>]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        id == CurrentUserId ? Forbid() : View(await mediator.Send(new GetUserAccount(id), cancellationToken));

    [HttpPost("{id:int:min(1)}/delete")]
    [AuthorizeToSend<DeleteUser>]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken)
    {
        await SendShowingOutcomeAsync(mediator, new DeleteUser(id), "User deleted.", cancellationToken);
        return TempData.ContainsKey(FailureKey) ? RedirectToAction(nameof(Details), new { id }) : RedirectToAction(nameof(Index));
    }

    /// <summary>Sends a change to the account and returns to its page with the outcome.</summary>
    private async Task<IActionResult> ChangeAsync(int id, ICommand command, string success, CancellationToken cancellationToken)
    {
        await SendShowingOutcomeAsync(mediator, command, success, cancellationToken);
        return RedirectToAction(nameof(Details), new { id });
    }
}
