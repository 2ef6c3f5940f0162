namespace Overholt.Application.Categories.Commands.CreateCategory;

public sealed class CreateCategoryValidator() : CategoryDetailsValidator<CreateCategory>(nameRequired: true);
