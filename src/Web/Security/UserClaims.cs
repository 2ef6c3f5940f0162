using System.Globalization;
using System.Security.Claims;

namespace Overholt.Web.Security;

/// <summary>Reads the signed-in user's account id from the claims Identity issues (cookie and bearer token alike).</summary>
internal static class UserClaims
{
    /// <summary>The account id, or null when nobody is signed in or the principal carries none.</summary>
    public static int? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
