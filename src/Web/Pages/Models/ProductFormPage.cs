using Overholt.Application.Categories;

namespace Overholt.Web.Pages.Models;

public sealed record ProductFormPage(int? Id, ProductForm Form, IReadOnlyList<CategoryDto> AllCategories);
