using Overholt.Application.Users;

namespace Overholt.Web.Pages.Models;

public sealed record UserDetails(UserAccountDto User, bool IsSelf);
