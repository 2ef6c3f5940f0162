using Microsoft.AspNetCore.Identity;
using Overholt.Application.Validation;

namespace Overholt.Infrastructure.Identity;

/// <summary>Refuses user names and emails with control or invisible characters, as the API's validators refuse them in every other text.</summary>
internal sealed class PlainTextUserValidator : IUserValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(TextRules.IsPlain(user.UserName) && TextRules.IsPlain(user.Email)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "InvalidEmail", Description = "The email must not contain control characters or invisible ones." }));
}
