using Overholt.Application.Categories;

namespace Overholt.Web.Pages.Models;

public sealed record CategoryDetailsPage(CategoryDto Category, bool IsAdmin);
