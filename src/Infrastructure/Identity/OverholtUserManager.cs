using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Application.Validation;

namespace Overholt.Infrastructure.Identity;

/// <summary>
/// Identity's user manager, plus one duty: lookups by a name no account can have (PostgreSQL text cannot hold NUL)
/// find nothing instead of failing in the database. (What a change to an account does to the account-state cache is
/// <see cref="AccountChangeInterceptor"/>'s, after the commit.)
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
    ILogger<UserManager<ApplicationUser>> logger)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<ApplicationUser?> FindByNameAsync(string userName) =>
        TextRules.IsPlain(userName) ? base.FindByNameAsync(userName) : Task.FromResult<ApplicationUser?>(null);

    public override Task<ApplicationUser?> FindByEmailAsync(string email) =>
        TextRules.IsPlain(email) ? base.FindByEmailAsync(email) : Task.FromResult<ApplicationUser?>(null);
}
