using Overholt.Application.Categories;

namespace Overholt.Web.Pages.Models;

public sealed record CategoryDetails(CategoryDto Category, bool IsAdmin);
