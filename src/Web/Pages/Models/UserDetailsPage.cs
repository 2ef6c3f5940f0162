using Overholt.Application.Users;

namespace Overholt.Web.Pages.Models;

public sealed record UserDetailsPage(UserAccountDto User, bool IsSelf);
