namespace Overholt.Application.Categories.Commands.UpdateCategory;

/// <summary>Every detail is optional, but a name that is sent must not be blank.</summary>
public sealed class UpdateCategoryValidator() : CategoryDetailsValidator<UpdateCategory>(nameRequired: false);
