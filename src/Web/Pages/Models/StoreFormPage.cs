namespace Overholt.Web.Pages.Models;

public sealed record StoreFormPage(int? Id, StoreForm Form);
