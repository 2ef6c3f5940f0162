using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Application.Validation;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Identity's user manager, plus two duties: every change to an account (roles, password, stamp, activity) or its
/// deletion is made known to <see cref="AccountStates"/> at once, and lookups by a name no account can have (PostgreSQL
/// text cannot hold NUL) find nothing instead of failing in the database.
/// </summary>
public sealed class OverholtUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    AccountStates accountStates)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<ApplicationUser?> FindByNameAsync(string userName) =>
        TextRules.IsPlain(userName) ? base.FindByNameAsync(userName) : Task.FromResult<ApplicationUser?>(null);

    public override Task<ApplicationUser?> FindByEmailAsync(string email) =>
        TextRules.IsPlain(email) ? base.FindByEmailAsync(email) : Task.FromResult<ApplicationUser?>(null);

    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        var result = await base.DeleteAsync(user);
        accountStates.Forget(user.Id);
        return result;
    }

    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        var result = await base.UpdateUserAsync(user);
        accountStates.Forget(user.Id);
        return result;
    }
}
