using Microsoft.AspNetCore.Authorization;

namespace Overholt.Web.Security;

/// <summary>The signed-in user's account is still active. Part of the default policy, so every [Authorize] endpoint checks it.</summary>
internal sealed class ActiveUserRequirement : IAuthorizationRequirement;
