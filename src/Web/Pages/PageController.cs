using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Concurrency;
using Overholt.Application.Errors;
using Overholt.Application.Paging;
using Overholt.Domain.Primitives;
using Overholt.Domain.Users;
using Overholt.Web.Errors;
using Overholt.Web.Security;

namespace Overholt.Web.Pages;

/// <summary>
/// Base of the admin pages: cookie sign-in required, antiforgery on every form post, and the post/redirect/get
/// messages. Pages send the same commands and queries as the API; the pipeline decides who may do what.
/// </summary>
[Authorize(Policy = AuthenticationSetup.PagesPolicy)]
[AutoValidateAntiforgeryToken]
public abstract class PageController : Controller
{
    public const string SuccessKey = "Success";
    public const string FailureKey = "Failure";

    /// <summary>Rows on a list page.</summary>
    protected const int PageSize = IPagedRequest.AdminListPageSize;

    protected bool IsAdmin => User.IsInRole(Roles.Admin);

    protected int CurrentUserId => User.UserId()!.Value;

    protected void Succeeded(string message) => TempData[SuccessKey] = message;

    protected void Failed(string message) => TempData[FailureKey] = message;

    /// <summary>An edit form's version as the condition of its save (a form without one, from an older page, saves unconditionally).</summary>
    protected static VersionCondition? VersionOf(int? formVersion) => formVersion is { } version ? VersionCondition.Is(version) : null;

    private static string ChangedSinceOpened(string what) =>
        $"This {what} was changed by someone else since you opened it, so your changes were not saved. Open it again to see the changes, then re-apply yours.";

    protected static string Describe(RequestValidationException invalid) =>
        string.Join(" ", FieldNaming.Rename(invalid, FieldNaming.Label).SelectMany(error => error.Value));

    /// <summary>The end of a saved form (post/redirect/get): its message for the next page, and the saved item's details page.</summary>
    protected RedirectToActionResult Saved(string message, int id)
    {
        Succeeded(message);
        return RedirectToAction("Details", new { id });
    }

    /// <summary>
    /// Sends a create or edit form's command. Saved: <paramref name="saved"/> ends the post. Refused (invalid input, a
    /// unique value taken, a newer version saved since the form was opened): the form again, with the reasons beside its fields.
    /// </summary>
    protected async Task<IActionResult> SubmitFormAsync<TResult>(
        FormSubject subject, Func<ValueTask<TResult>> send, Func<TResult, IActionResult> saved, Func<Task<IActionResult>> formAgain)
    {
        try
        {
            return saved(await send());
        }
        catch (RequestValidationException invalid)
        {
            ModelState.AddRequestErrors(invalid);
        }
        catch (ConflictException conflict) when (subject.UniqueField is not null)
        {
            ModelState.AddModelError(subject.UniqueField, conflict.Message);
        }
        catch (PreconditionFailedException)
        {
            ModelState.AddModelError(string.Empty, ChangedSinceOpened(subject.Name));
        }

        return await formAgain();
    }

    /// <inheritdoc cref="SubmitFormAsync{TResult}(FormSubject, Func{ValueTask{TResult}}, Func{TResult, IActionResult}, Func{Task{IActionResult}})"/>
    protected Task<IActionResult> SubmitFormAsync<TResult>(
        FormSubject subject, Func<ValueTask<TResult>> send, Func<TResult, IActionResult> saved, Func<IActionResult> formAgain) =>
        SubmitFormAsync(subject, send, saved, () => Task.FromResult(formAgain()));

    /// <summary>Sends a change and keeps its outcome for the page shown after the redirect: the success, or the broken rule or invalid input.</summary>
    protected async Task SendShowingOutcomeAsync(ISender sender, ICommand command, string success, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(command, cancellationToken);
            Succeeded(success);
        }
        catch (DomainRuleException rule)
        {
            Failed(rule.Message);
        }
        catch (RequestValidationException invalid)
        {
            Failed(Describe(invalid));
        }
    }
}
