using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Overholt.Infrastructure.Idempotency;
using Overholt.Web.Pages;
using Overholt.Web.Security;

namespace Overholt.Web.Idempotency;

/// <summary>
/// A create form that creates once however often it is posted (a double click, back and submit again). The form carries
/// a one-time id (<see cref="FieldName"/>, rendered by <c>_FormId.cshtml</c>), used as an idempotency key of the signed-in
/// user in the same store as the API's keys (<see cref="IdempotencyKeys"/>). The post that claims it runs; when it saves,
/// the id remembers where it led, and a later post of the same id is sent there with a message instead of creating
/// again. A post made while the first is still running waits for it (a double click's second post is the one the
/// browser shows). A form shown again with its errors lets the id go, so the corrected form can be sent.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OneTimeFormAttribute : Attribute, IAsyncActionFilter
{
    public const string FieldName = "FormId";

    public const string AlreadySaved = "This form had already been sent, and was saved once: here is what it created.";

    public const string StillSaving = "This form is still being saved from an earlier click. Look for it here before sending it again.";

    public const string UsedElsewhere = "This form had already been used. Fill it in again.";

    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType || !Guid.TryParse(http.Request.Form[FieldName], out var formId) || http.User.UserId() is not { } userId)
        {
            await next();
            return;
        }

        var keys = http.RequestServices.GetRequiredService<IdempotencyKeys>();
        var key = $"form:{formId:N}";
        var path = (http.Request.PathBase + http.Request.Path).Value!;
        var fingerprint = RequestFingerprint.Of(http.Request.Method, path, QueryString.Empty, []); // the form, whatever was typed in it
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var giveUpAt = clock.GetUtcNow() + WaitForFirst;
        while (true)
        {
            var claim = await keys.ClaimAsync(userId, key, fingerprint, http.RequestAborted);
            switch (claim.Outcome)
            {
                case IdempotencyOutcome.Claimed:
                    await RunAsync(context, next, keys, userId, key, claim.Token!);
                    return;
                case IdempotencyOutcome.Done:
                    Tell(http, PageController.SuccessKey, AlreadySaved);
                    context.Result = new RedirectResult(claim.Answer!.Location ?? path);
                    return;
                case IdempotencyOutcome.Mismatch:
                    Tell(http, PageController.FailureKey, UsedElsewhere);
                    context.Result = new RedirectResult(path);
                    return;
                case IdempotencyOutcome.InFlight when clock.GetUtcNow() < giveUpAt:
                    await Task.Delay(PollInterval, clock, http.RequestAborted);
                    break;
                default:
                    Tell(http, PageController.FailureKey, StillSaving);
                    context.Result = new RedirectToActionResult("Index", null, null);
                    return;
            }
        }
    }

    private static async Task RunAsync(ActionExecutingContext context, ActionExecutionDelegate next, IdempotencyKeys keys, int userId, string key, string token)
    {
        string? savedAt = null;
        try
        {
            var executed = await next();
            if (executed.Exception is null || executed.ExceptionHandled)
                savedAt = RedirectTarget(executed);
        }
        finally
        {
            // Saved: remember where it led. Anything else (the form again with its errors, a failure): let the id go.
            if (savedAt is not null)
                await keys.CompleteAsync(userId, key, token, new IdempotentAnswer(StatusCodes.Status302Found, null, savedAt, null, []), CancellationToken.None);
            else
                await keys.ReleaseAsync(userId, key, token, CancellationToken.None);
        }
    }

    private static string? RedirectTarget(ActionExecutedContext executed) => executed.Result switch
    {
        RedirectToActionResult redirect => executed.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(executed)
            .Action(redirect.ActionName, redirect.ControllerName, redirect.RouteValues),
        RedirectResult redirect => redirect.Url,
        LocalRedirectResult redirect => redirect.Url,
        _ => null,
    };

    private static void Tell(HttpContext http, string kind, string message) =>
        http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http)[kind] = message;
}
