using System.Globalization;
using System.Security.Claims;
using Overholt.Application.Security;

namespace Overholt.Web.Security;

/// <summary>The signed-in user of the current HTTP request, from its claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => httpContextAccessor.HttpContext?.User;

    public int? Id => Principal?.UserId();

    public bool IsAuthenticated => Id is not null;

    public string? Email => Id is null ? null : Principal?.FindFirstValue(ClaimTypes.Email);

    public string Name => Id is { } id ? string.Create(CultureInfo.InvariantCulture, $"user {id}") : "anonymous";

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
