namespace Overholt.Web.Pages.Models;

public sealed record CategoryFormPage(int? Id, CategoryForm Form);
